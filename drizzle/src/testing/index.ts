import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type AppDatabase, createAppDatabase } from "../client";
import { appUrlFrom, withDatabase } from "../server/urls";

export const TEMPLATE_DB = "omnify_template";
export const TEST_APP_PASSWORD = "omnify-app-test-only";

export type TestDatabase = {
  name: string;
  adminUrl: string;
  appUrl: string;
  /** Superuser connection for arranging fixtures; never what the app uses. */
  admin: postgres.Sql;
  app: AppDatabase;
  drop(): Promise<void>;
};

function clusterUrl(): string {
  const url = process.env.OMNIFY_TEST_ADMIN_URL;
  if (!url) {
    throw new Error(
      "OMNIFY_TEST_ADMIN_URL is not set: run integration tests through `npm test` or `npx vitest`, whose global setup starts PostgreSQL",
    );
  }
  return url;
}

/**
 * A fresh database cloned from the migrated template: each test file gets its own, so
 * files run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = clusterUrl();
  const name = `t_${randomBytes(6).toString("hex")}`;
  const root = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await root.unsafe(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await root.end();
  }
  const adminUrl = withDatabase(base, name);
  const appUrl = appUrlFrom(adminUrl, TEST_APP_PASSWORD);
  const admin = postgres(adminUrl, { max: 2, onnotice: () => {} });
  const app = createAppDatabase(appUrl, { max: 4 });
  return {
    name,
    adminUrl,
    appUrl,
    admin,
    app,
    async drop() {
      await app.close();
      await admin.end();
      const cleanup = postgres(base, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
