import {
  createPluginDatabase,
  ensurePluginContextKey,
  migratePlugin,
  type PluginMigration,
  PluginQueryError,
  provisionPlugin,
} from "@omnify/db";
import type { HostSinks } from "@omnify/plugin-host";
import postgres from "postgres";
import { HostApiError } from "../runtime/host-api-error.ts";

/**
 * Test and dev hosts only. Plugin role passwords derive from it and roles are cluster-wide,
 * so it matches the db package's own tests: test files sharing a cluster must agree.
 */
export const LOCAL_HOST_SECRET = "omnify-plugin-host-secret-test-only";

export type LocalPluginDatabase = {
  query: HostSinks["query"];
  /** Applies migrations not yet applied (a changed applied one is refused). */
  migrate(migrations: PluginMigration[]): Promise<string[]>;
  close(): Promise<void>;
};

/**
 * The production database path for one plugin in an already-migrated database: provision
 * its schema and login roles, apply its migrations as the migration role, and serve
 * `ctx.db` on the runtime login with the host-signed tenant context.
 */
export async function openPluginDatabase(opts: {
  /** Superuser URL of a database the core migrations already ran in. */
  adminUrl: string;
  pluginId: string;
  migrations: PluginMigration[];
}): Promise<LocalPluginDatabase> {
  const admin = postgres(opts.adminUrl, { max: 1, onnotice: () => {} });
  let hostToken: string;
  let urls: Awaited<ReturnType<typeof provisionPlugin>>;
  try {
    ({ hostToken } = await ensurePluginContextKey(admin, LOCAL_HOST_SECRET));
    urls = await provisionPlugin(admin, {
      pluginId: opts.pluginId,
      hostSecret: LOCAL_HOST_SECRET,
      baseUrl: opts.adminUrl,
    });
  } finally {
    await admin.end();
  }
  const migrate = async (migrations: PluginMigration[]) =>
    (await migratePlugin(urls, { pluginId: opts.pluginId, migrations })).applied;
  await migrate(opts.migrations);
  const db = createPluginDatabase({ runtimeUrl: urls.runtimeUrl, hostToken, max: 4 });
  return {
    query: async (q) => {
      try {
        return await db.query(q.tenantId, q.sql, q.params, q.method);
      } catch (e) {
        throw toHostApiError(e);
      }
    },
    migrate,
    close: () => db.close(),
  };
}

/**
 * What the plugin may read about a failed statement: the host's refusal, or PostgreSQL's
 * message and SQLSTATE. Never `detail`, which can quote values from other tenants' rows
 * (a unique violation names the conflicting key).
 */
function toHostApiError(e: unknown): unknown {
  if (e instanceof PluginQueryError) return new HostApiError(e.reason, e.message);
  const pg = e as { code?: unknown; message?: unknown; severity?: unknown };
  if (typeof pg?.code === "string" && /^[0-9A-Z]{5}$/.test(pg.code) && pg.severity)
    return new HostApiError("db_error", `${String(pg.message)} (SQLSTATE ${pg.code})`);
  return e;
}
