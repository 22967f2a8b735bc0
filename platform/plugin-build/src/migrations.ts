import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { PluginBuildError } from "./errors.ts";
import { sha256Hex } from "./hash.ts";

export type MigrationRecord = { name: string; sha256: string };

const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

/**
 * The plugin's `migrations/*.sql`, in the order they run, each with its hash, so the catalog
 * can refuse a changed migration under an existing version. A folder without
 * `capabilities.db` (or the reverse) is a mistake worth failing the build for.
 */
export async function readMigrations(
  pluginDir: string,
  declaresDb: boolean,
): Promise<MigrationRecord[]> {
  const dir = join(pluginDir, "migrations");
  const files = existsSync(dir)
    ? (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name)
    : [];
  const sql = files.filter((f) => f.endsWith(".sql")).sort();
  const badNames = sql.filter((f) => !MIGRATION_NAME.test(f));
  if (badNames.length > 0) {
    throw new PluginBuildError(
      `${badNames.map((f) => `migrations/${f}`).join(", ")}: migration files must be named like 0001_create_links.sql`,
    );
  }
  if (sql.length > 0 && !declaresDb) {
    throw new PluginBuildError(
      `migrations/${sql[0]}: the plugin has migrations but its manifest does not declare capabilities.db`,
    );
  }
  if (sql.length === 0 && declaresDb) {
    throw new PluginBuildError(
      `${join(pluginDir, "migrations")}: capabilities.db is declared but there is no migrations/NNNN_name.sql`,
    );
  }
  return Promise.all(
    sql.map(async (name) => ({ name, sha256: sha256Hex(await readFile(join(dir, name))) })),
  );
}
