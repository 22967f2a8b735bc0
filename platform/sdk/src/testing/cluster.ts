import { rmSync } from "node:fs";
import { join } from "node:path";
import { withDatabase } from "@omnify/db";
import { migrateDatabase, startEmbeddedPostgres } from "@omnify/db/server";
import { createTestDatabase, TEMPLATE_DB, TEST_APP_PASSWORD } from "@omnify/db/testing";
import postgres from "postgres";
import { testEnv } from "./env.ts";

export type ScratchDatabase = { adminUrl: string; drop(): Promise<void> };

let own: { stop(): Promise<void>; users: number } | undefined;
let starting: Promise<void> | undefined;
let ownUrl: string | undefined;

/**
 * A fresh database cloned from the migrated template, on the cluster the vitest global setup
 * started. Without one (vitest run from a plugin folder, no repo config) the harness starts
 * an embedded cluster itself and stops it when the last database using it is dropped.
 */
export async function scratchDatabase(repoRoot: string): Promise<ScratchDatabase> {
  const external = testEnv.adminUrl();
  if (!external || external === ownUrl) {
    starting ??= startOwnCluster(repoRoot);
    await starting;
  }
  const db = await createTestDatabase();
  if (own) own.users++;
  return {
    adminUrl: db.adminUrl,
    async drop() {
      await db.drop();
      if (own && --own.users === 0) {
        const stopping = own;
        own = undefined;
        starting = undefined;
        await stopping.stop();
      }
    },
  };
}

async function startOwnCluster(repoRoot: string): Promise<void> {
  const dataDir = join(repoRoot, ".data", `plugin-test-pg-${process.pid}`);
  const server = await startEmbeddedPostgres({ dataDir });
  const root = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  try {
    await root.unsafe(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await root.unsafe(`create database ${TEMPLATE_DB}`);
  } finally {
    await root.end();
  }
  await migrateDatabase(withDatabase(server.adminUrl, TEMPLATE_DB), TEST_APP_PASSWORD);
  testEnv.setAdminUrl(server.adminUrl);
  ownUrl = server.adminUrl;
  own = {
    users: 0,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.log`, { force: true });
    },
  };
}
