import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildPlugin } from "@omnify/plugin-host";
import type { PluginDescriptor } from "../define-plugin.ts";

export type LoadedPlugin = {
  dir: string;
  bundle: { code: string; sha256: string };
  manifest: PluginDescriptor;
  migrations: { name: string; sql: string }[];
};

/** `new URL('..', import.meta.url)`, a file: URL string, or a path. */
export function pluginDir(dir: string | URL): string {
  if (dir instanceof URL) return fileURLToPath(dir);
  return dir.startsWith("file:") ? fileURLToPath(dir) : resolve(dir);
}

/** `migrations/NNNN_name.sql`, in file-name order; the name is the file name without `.sql`. */
export function readMigrations(dir: string): LoadedPlugin["migrations"] {
  const folder = join(dir, "migrations");
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .map((f) => ({ name: f.slice(0, -4), sql: readFileSync(join(folder, f), "utf8") }));
}

/**
 * Bundles `src/server/index.ts` with the production build (same import boundary, same
 * in-sandbox manifest validation) and reads the migrations beside it.
 */
export async function loadPlugin(dir: string): Promise<LoadedPlugin> {
  const entry = join(dir, "src", "server", "index.ts");
  if (!existsSync(entry))
    throw new Error(`${entry} not found: a plugin's server entry is src/server/index.ts`);
  const { code, sha256, manifest } = await buildPlugin(entry, { root: dir });
  const migrations = readMigrations(dir);
  if (manifest.capabilities.db && migrations.length === 0)
    throw new Error(
      `${manifest.id} declares capabilities.db but ${dir}/migrations has no .sql file`,
    );
  if (!manifest.capabilities.db && migrations.length > 0)
    throw new Error(`${dir}/migrations has SQL files but capabilities.db is not declared`);
  return { dir, bundle: { code, sha256 }, manifest, migrations };
}
