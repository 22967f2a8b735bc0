import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { SHARED_SINGLETONS } from "@omnify/plugin-sdk/ui";
import type { Rspack } from "@rsbuild/core";

/** Bare imports plugin UI code may use: the portal's React (shared, not bundled) and the SDK's UI types. */
const ALLOWED = new Set<string>([...SHARED_SINGLETONS, "@omnify/plugin-sdk/ui"]);

const isBare = (request: string) => !request.startsWith(".") && !request.startsWith("/");

/**
 * "Plugins touch only the SDK", for UI code: a file inside the plugin folder may import
 * its own files (relative, staying inside the folder and out of node_modules), React
 * (provided by the portal) and `@omnify/plugin-sdk/ui`. Everything else is collected into
 * `violations` (`<file>: '<import>' …`) and fails the build after rspack reports.
 */
export function uiBoundaryPlugin(
  pluginDir: string,
  violations: string[],
): Rspack.RspackPluginInstance {
  const ownFile = (file: string) => {
    const rel = relative(pluginDir, file);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) && !rel.includes("node_modules");
  };
  const refuse = (message: string) => {
    violations.push(message);
    return false as const; // the module is left out; the build fails after rspack reports
  };
  return {
    apply(compiler) {
      compiler.hooks.normalModuleFactory.tap("omnify-ui-boundary", (nmf) => {
        nmf.hooks.beforeResolve.tap("omnify-ui-boundary", (data) => {
          const issuer = data.contextInfo.issuer;
          // Only real files of the plugin: bundler-generated modules (module federation's
          // runtime entry is a virtual file named under the plugin folder) are not its code.
          if (!issuer || !ownFile(issuer) || !existsSync(issuer.split("?")[0] ?? issuer)) return;
          const file = relative(pluginDir, issuer);
          if (data.request.includes("!")) {
            return refuse(`${file}: '${data.request}' names a loader; plugin UI code may not`);
          }
          if (!isBare(data.request)) {
            // A path, not a package: it must name another file of this plugin.
            if (ownFile(resolve(data.context, data.request.split("?")[0] ?? ""))) return;
            return refuse(
              `${file}: '${data.request}' leaves the plugin folder; plugin UI code may import only its own files, React and @omnify/plugin-sdk/ui`,
            );
          }
          if (ALLOWED.has(data.request)) return;
          return refuse(
            `${file}: '${data.request}' is not allowed in plugin UI code (use React, @omnify/plugin-sdk/ui and your own files)`,
          );
        });
      });
      // `import(`./pages/${name}`)` makes a context module over a directory; rspack gives no
      // issuer here, and nothing the plugin may use (React, the SDK) creates one, so any
      // directory outside the plugin's own files is refused.
      compiler.hooks.contextModuleFactory.tap("omnify-ui-boundary", (cmf) => {
        cmf.hooks.beforeResolve.tap("omnify-ui-boundary", (data) => {
          if (data === false) return data;
          const dir = resolve(data.context, data.request);
          if (ownFile(dir)) return data;
          return refuse(
            `'${data.request}' (a dynamic import from ${relative(pluginDir, data.context) || "."}) leaves the plugin folder; plugin UI code may import only its own files`,
          );
        });
      });
    },
  };
}
