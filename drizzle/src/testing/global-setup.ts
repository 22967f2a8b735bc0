import { join } from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { startEmbeddedPostgres } from "../server/embedded";
import { migrateDatabase } from "../server/migrate";
import { withDatabase } from "../server/urls";
import { TEMPLATE_DB, TEST_APP_PASSWORD } from "./index";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Vitest global setup: uses OMNIFY_TEST_ADMIN_URL when the test orchestrator already
 * started a server, otherwise starts a throwaway embedded PostgreSQL. Either way it builds
 * the migrated template database that every test file clones.
 */
export default async function setup(): Promise<() => Promise<void>> {
  let stop = async () => {};
  if (!process.env.OMNIFY_TEST_ADMIN_URL) {
    const dataDir = join(repoRoot, ".data", `vitest-pg-${process.pid}`);
    const server = await startEmbeddedPostgres({ dataDir });
    process.env.OMNIFY_TEST_ADMIN_URL = server.adminUrl;
    stop = async () => {
      await server.stop();
      const { rmSync } = await import("node:fs");
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  await buildTemplate(process.env.OMNIFY_TEST_ADMIN_URL);
  return stop;
}

export async function buildTemplate(adminUrl: string): Promise<void> {
  const root = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await root.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await root.unsafe(`create database ${TEMPLATE_DB}`);
  } finally {
    await root.end();
  }
  await migrateDatabase(withDatabase(adminUrl, TEMPLATE_DB), TEST_APP_PASSWORD);
}
