import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildPluginDir } from "./build.ts";
import { PluginBuildError } from "./errors.ts";

const USAGE = `usage:
  omnify-plugin build <dir>    build a plugin folder into <dir>/dist
  omnify-plugin create <id>    scaffold a new plugin in plugins/<id>
  omnify-plugin dev <dir>      run it in the real sandbox, rebuilding on save (see the SDK README)`;

/**
 * The dev host imports the database package, whose sources use extensionless imports that
 * plain Node cannot load, so it runs under tsx as its own process.
 */
function dev(args: readonly string[]): Promise<number> {
  const cli = fileURLToPath(import.meta.resolve("@omnify/plugin-sdk/dev-cli"));
  return new Promise((resolve, reject) => {
    const child = spawn("tsx", [cli, ...args], { stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

async function build(dir: string | undefined): Promise<void> {
  if (!dir) throw new PluginBuildError(`missing <dir>\n${USAGE}`);
  const started = performance.now();
  const record = await buildPluginDir(dir);
  const ui = record.ui ? `, ui ${Object.keys(record.ui.files).length} files` : "";
  const ms = Math.round(performance.now() - started);
  console.log(
    `built ${record.id}@${record.version} (server ${record.server.sha256.slice(0, 12)}${ui}) in ${ms} ms`,
  );
}

/** Runs one command; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "build") await build(rest[0]);
    else if (command === "create") {
      // Loaded only when asked for: building never pays for the scaffolder.
      const create = await import("./create/index.ts");
      return await create.main(rest);
    } else if (command === "dev") {
      return await dev(rest);
    } else {
      console.error(USAGE);
      return command === undefined || command === "--help" ? 0 : 2;
    }
    return 0;
  } catch (e) {
    if (e instanceof PluginBuildError) {
      console.error(`omnify-plugin: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
