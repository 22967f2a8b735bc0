import { join } from "node:path";
import { withDatabase } from "@omnify/db";
import { migrateDatabase, startEmbeddedPostgres } from "@omnify/db/server";
import postgres from "postgres";

const DEV_DB = "omnify_plugin_dev";
const DEV_APP_PASSWORD = "omnify-plugin-dev-only";

/**
 * The dev host's own PostgreSQL, kept in `.data/plugin-dev/` so data survives restarts:
 * one database with the core migrations (for the signed tenant context), in which each
 * plugin gets its schema and roles as in production.
 */
export async function startDevDatabase(repoRoot: string) {
  const server = await startEmbeddedPostgres({
    dataDir: join(repoRoot, ".data", "plugin-dev", "pg"),
  });
  const root = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [found] = await root`select 1 from pg_database where datname = ${DEV_DB}`;
    if (!found) await root.unsafe(`create database ${DEV_DB}`);
  } finally {
    await root.end();
  }
  const adminUrl = withDatabase(server.adminUrl, DEV_DB);
  await migrateDatabase(adminUrl, DEV_APP_PASSWORD);
  return { adminUrl, stop: () => server.stop() };
}
