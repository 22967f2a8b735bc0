import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { pluginFiles } from "./templates.ts";
import { CreateError, validatePluginId } from "./validate.ts";

export { CreateError } from "./validate.ts";

/** The npm workspace root above `from` (the folder whose package.json has `workspaces`). */
export function findRepoRoot(from: string): string | undefined {
  for (let dir = resolve(from); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && "workspaces" in JSON.parse(readFileSync(pkg, "utf8"))) return dir;
  }
  return undefined;
}

/** Writes a new plugin folder; returns it and the files written (relative to it). */
export function createPlugin(opts: { id: string | undefined; pluginsDir: string }) {
  const id = validatePluginId(opts.id, opts.pluginsDir);
  const dir = join(opts.pluginsDir, id);
  const files = pluginFiles(id);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text, { flag: "wx" });
  }
  return { id, dir, files: Object.keys(files) };
}

const USAGE = "usage: omnify-plugin create <id> [--dir plugins]";

/** `omnify-plugin create <id> [--dir <folder>]`; returns the exit code. */
export async function main(argv: readonly string[], cwd = process.cwd()): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (e) {
    console.error(`omnify-plugin create: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const root = findRepoRoot(cwd) ?? cwd;
  const pluginsDir = resolve(parsed.values.dir ? cwd : root, parsed.values.dir ?? "plugins");
  try {
    const { id, dir, files } = createPlugin({ id: parsed.positionals[0], pluginsDir });
    const rel = relative(root, dir) || ".";
    const steps: [string, string][] = [
      ["npm install", "link the new workspace"],
      [`npx vitest run ${rel}`, "run its test (real sandbox + database)"],
      [`npx omnify-plugin dev ${rel}`, "dev host: POST /call, rebuilds on save"],
      [`npm run build -w @omnify-plugin/${id}`, "build dist/ for the catalog"],
    ];
    const width = Math.max(...steps.map(([cmd]) => cmd.length)) + 2;
    console.log(
      [
        `Created ${rel}/ (${files.length} files): ${files.join(", ")}`,
        "",
        "Next steps:",
        ...steps.map(([cmd, why]) => `  ${cmd.padEnd(width)}# ${why}`),
        "",
        "Then edit plugin.config.ts (capabilities, settings) and src/server/index.ts.",
        "The author guide: platform/sdk/README.md",
      ].join("\n"),
    );
    return 0;
  } catch (e) {
    if (!(e instanceof CreateError)) throw e;
    console.error(`omnify-plugin create: ${e.message}`);
    return 1;
  }
}

function parse(argv: readonly string[]) {
  const parsed = parseArgs({
    args: [...argv],
    options: { dir: { type: "string" } },
    allowPositionals: true,
  });
  if (parsed.positionals.length > 1)
    throw new Error(`expected one <id>, got ${parsed.positionals.join(" ")}`);
  return parsed;
}
