import { isAbsolute, relative } from "node:path";
import { SHARED_SINGLETONS } from "@omnify/plugin-sdk/ui";
import type { Rspack } from "@rsbuild/core";

/** Bare imports plugin UI code may use: the portal's React (shared, not bundled) and the SDK's UI types. */
const ALLOWED = new Set<string>([...SHARED_SINGLETONS, "@omnify/plugin-sdk/ui"]);

const isBare = (request: string) =>
  !request.startsWith(".") && !request.startsWith("/") && !request.includes("!");

/**
 * "Plugins touch only the SDK", for UI code: a file inside the plugin folder may import
 * relative files, React (provided by the portal) and `@omnify/plugin-sdk/ui`. Everything
 * else is collected into `violations` and fails the build after rspack reports.
 */
export function uiBoundaryPlugin(
  pluginDir: string,
  violations: string[],
): Rspack.RspackPluginInstance {
  const ownFile = (file: string) => {
    const rel = relative(pluginDir, file);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) && !rel.includes("node_modules");
  };
  return {
    apply(compiler) {
      compiler.hooks.normalModuleFactory.tap("omnify-ui-boundary", (nmf) => {
        nmf.hooks.beforeResolve.tap("omnify-ui-boundary", (data) => {
          const issuer = data.contextInfo.issuer;
          if (!issuer || !ownFile(issuer) || !isBare(data.request)) return;
          if (ALLOWED.has(data.request)) return;
          violations.push(
            `${relative(pluginDir, issuer)}: '${data.request}' is not allowed in plugin UI code (use React, @omnify/plugin-sdk/ui and your own files)`,
          );
        });
      });
    },
  };
}
