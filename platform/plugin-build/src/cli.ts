import { buildPluginDir } from "./build.ts";
import { PluginBuildError } from "./errors.ts";

const USAGE = `usage:
  omnify-plugin build <dir>    build a plugin folder into <dir>/dist
  omnify-plugin create <id>    scaffold a new plugin in plugins/<id>`;

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
      // The scaffolder is its own module (src/create/), loaded only when asked for; the
      // specifier is a variable so this file compiles whether or not it exists yet.
      const specifier = "./create/index.ts";
      const create = (await import(specifier)) as {
        main(args: readonly string[]): Promise<number>;
      };
      return await create.main(rest);
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
