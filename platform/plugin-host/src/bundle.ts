import { createHash, randomUUID } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { builtinModules, createRequire } from "node:module";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { build, type Message, type Plugin } from "esbuild";

export type BuiltBundle = { code: string; sha256: string };

/** The plugin could not be bundled; the message lists every offending import or syntax error. */
export class PluginBundleError extends Error {
  override name = "PluginBundleError";
}

const SDK = "@omnify/plugin-sdk";
const SDK_ROOT = realpathSync(resolve(dirname(createRequire(import.meta.url).resolve(SDK)), ".."));
const BUILTINS = new Set(builtinModules);
const isBuiltin = (spec: string) =>
  spec.startsWith("node:") || BUILTINS.has(spec.split("/")[0] ?? spec);
const inside = (root: string, file: string) => {
  const rel = relative(root, file);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};
const isDependency = (file: string) => file.includes("/node_modules/") || inside(SDK_ROOT, file);

function nearestPackageDir(file: string): string {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
  }
  return dirname(file);
}

/**
 * Enforces "plugins touch only the SDK" at build time: plugin files may import
 * `@omnify/plugin-sdk` and relative files inside the plugin folder, nothing else. The SDK and
 * its own dependencies (zod) resolve normally. Node built-ins are refused everywhere.
 */
function boundary(root: string, entryName: string): Plugin {
  const refuse = (text: string) => ({ errors: [{ text }] });
  return {
    name: "omnify-plugin-boundary",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const spec = args.path;
        if (args.kind === "entry-point") return undefined;
        if (isBuiltin(spec)) {
          return refuse(
            `'${spec}' is a Node built-in; plugin server code runs in an isolate without Node (use ctx.* from ${SDK})`,
          );
        }
        // The generated entry (random name, so no plugin file can pose as it) imports the runtime.
        if (args.importer.endsWith(entryName) || isDependency(args.importer)) return undefined;
        if (spec === SDK) return undefined;
        if (spec.startsWith("./") || spec.startsWith("../")) {
          const target = resolve(args.resolveDir, spec);
          if (!inside(root, target))
            return refuse(`relative import '${spec}' leaves the plugin folder ${root}`);
          if (target.includes("/node_modules/"))
            return refuse(`'${spec}' reaches into node_modules; import only ${SDK}`);
          return undefined;
        }
        return refuse(
          `'${spec}' is not allowed: plugins may import only ${SDK} and their own relative files`,
        );
      });
    },
  };
}

const describe = (m: Message) =>
  m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ${m.text}` : m.text;

/**
 * Bundles a plugin's server entry (whose default export is `definePlugin(...)`) into one IIFE
 * script for an isolate: platform neutral, zod and the SDK runtime included, no imports left.
 */
export async function buildServerBundle(
  entryFile: string,
  opts: { root?: string } = {},
): Promise<BuiltBundle> {
  const entry = realpathSync(resolve(entryFile));
  const root = realpathSync(resolve(opts.root ?? nearestPackageDir(entry)));
  const entryName = `omnify-entry-${randomUUID()}.js`;
  const contents = [
    `import plugin from ${JSON.stringify(entry)};`,
    `import { registerPlugin } from "${SDK}/runtime";`,
    "registerPlugin(plugin);",
  ].join("\n");
  try {
    const result = await build({
      stdin: { contents, resolveDir: dirname(entry), sourcefile: entryName, loader: "js" },
      bundle: true,
      write: false,
      format: "iife",
      platform: "neutral",
      target: "es2023",
      mainFields: ["module", "main"],
      conditions: ["import", "default"],
      minifySyntax: true,
      minifyWhitespace: true,
      legalComments: "none",
      define: { "process.env.NODE_ENV": '"production"' },
      plugins: [boundary(root, entryName)],
      logLevel: "silent",
    });
    const code = result.outputFiles[0]?.text ?? "";
    return { code, sha256: createHash("sha256").update(code).digest("hex") };
  } catch (e) {
    const errors = (e as { errors?: Message[] }).errors;
    if (!errors?.length) throw e;
    throw new PluginBundleError(
      `could not bundle ${entryFile}:\n${errors.map(describe).join("\n")}`,
    );
  }
}
