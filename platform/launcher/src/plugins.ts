import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildRecordSchema, registerPluginVersion } from "@omnify/core";
import {
  createAppDatabase,
  ensurePluginContextKey,
  migratePlugin,
  provisionPlugin,
} from "@omnify/db";
import postgres from "postgres";
import { repoRoot } from "./paths";

/** What `npm start` did with one built plugin. */
export type RegisteredPlugin = {
  pluginId: string;
  version: string;
  created: boolean;
  migrated: string[];
};

/**
 * Registers every `plugins/<id>/dist/omnify-plugin.json` in the catalog (idempotent; a changed
 * build under an old version fails with "bump the version"), then provisions and migrates
 * the schema of each plugin that declares a database. Runs as the admin login.
 */
export async function registerBuiltPlugins(
  adminUrl: string,
  hostSecret: string,
  dir = join(repoRoot, "plugins"),
): Promise<RegisteredPlugin[]> {
  if (!existsSync(dir)) return [];
  const registrar = createAppDatabase(adminUrl, { max: 1 });
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await ensurePluginContextKey(admin, hostSecret);
    const done: RegisteredPlugin[] = [];
    for (const name of readdirSync(dir).sort()) {
      const recordFile = join(dir, name, "dist", "omnify-plugin.json");
      if (!existsSync(recordFile)) continue;
      const record = buildRecordSchema.parse(JSON.parse(readFileSync(recordFile, "utf8")));
      const migrationSql = Object.fromEntries(
        record.migrations.map((m) => [
          m.name,
          readFileSync(join(dir, name, "migrations", m.name), "utf8"),
        ]),
      );
      const serverCode = readFileSync(join(dir, name, "dist", record.server.file), "utf8");
      const { created } = await registerPluginVersion(registrar, {
        record,
        serverCode,
        migrationSql,
      }).catch((error: unknown) => {
        throw rebuiltUnderOldVersion(error, name, record.id, record.version);
      });
      let migrated: string[] = [];
      if (record.migrations.length > 0) {
        const urls = await provisionPlugin(admin, { pluginId: record.id, hostSecret });
        const migrations = record.migrations.map((m) => ({
          name: m.name,
          sql: migrationSql[m.name] ?? "",
        }));
        migrated = (await migratePlugin(urls, { pluginId: record.id, migrations })).applied;
      }
      done.push({ pluginId: record.id, version: record.version, created, migrated });
    }
    return done;
  } finally {
    await registrar.close();
    await admin.end({ timeout: 5 });
  }
}

/**
 * A catalog version never changes its contents (tenants consented to exactly that code), so a
 * rebuild that differs (an SDK or plugin change pulled since this database was made) cannot
 * reuse the version. Says what to do in this repo, instead of the catalog's bare refusal.
 */
function rebuiltUnderOldVersion(error: unknown, dir: string, id: string, version: string) {
  if (
    !(error instanceof Error) ||
    !/already registered with different contents/.test(error.message)
  )
    return error;
  return new Error(
    `plugins/${dir} was rebuilt with different contents than ${id}@${version}, which this database already holds. ` +
      `Raise "version" in plugins/${dir}/plugin.config.ts (installations then upgrade from the Plugins page), ` +
      "or, for the embedded demo database, delete .data/ and run npm start again to recreate it.",
    { cause: error },
  );
}
