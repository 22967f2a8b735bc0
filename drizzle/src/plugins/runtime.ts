import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Tx } from "../client";
import * as schema from "../schema";
import { pluginHostToken } from "./context-key";
import { pluginRuntimeUrl } from "./login-urls";
import { assertPluginStatement, assertTenantId, PluginQueryError } from "./statement-guard";
import {
  type PluginQueryLimits,
  type PluginQueryMethod,
  type PluginQueryResult,
  type PluginStatement,
  runTenantTransaction,
} from "./tenant-transaction";

export type PluginDatabase = {
  /** One statement in its own transaction; the shape drizzle-orm/pg-proxy's callback returns. */
  query(
    tenantId: string,
    sql: string,
    params: unknown[],
    method: PluginQueryMethod,
  ): Promise<PluginQueryResult>;
  /** Several statements in one transaction, all under the same tenant. */
  transaction(tenantId: string, statements: PluginStatement[]): Promise<PluginQueryResult[]>;
  close(): Promise<void>;
};

export const DEFAULT_PLUGIN_QUERY_LIMITS: PluginQueryLimits = {
  statementTimeoutMs: 5_000,
  deadlineMs: 10_000,
  maxRows: 5_000,
  maxBytes: 4 * 1024 * 1024,
};

const MAX_STATEMENTS = 100;
const METHODS = new Set<string>(["all", "execute", "get", "values"]);

/**
 * The host side of a plugin's pg-proxy driver, on the plugin's runtime login. `tenantId` is
 * always the invocation's tenant, supplied by the host, never by the plugin.
 */
export function createPluginDatabase(opts: {
  runtimeUrl: string;
  hostToken: string;
  max?: number;
  limits?: Partial<PluginQueryLimits>;
}): PluginDatabase {
  const client = postgres(opts.runtimeUrl, {
    max: opts.max ?? 4,
    prepare: false,
    onnotice: () => {},
  });
  // Dates and times stay PostgreSQL text, as drizzle's column decoders expect (its own
  // postgres-js driver does the same), and JSON across the sandbox bridge keeps them intact.
  for (const oid of TEXT_TYPES) client.options.parsers[oid] = (value: string) => value;
  const limits = { ...DEFAULT_PLUGIN_QUERY_LIMITS, ...opts.limits };

  function run(tenantId: string, statements: PluginStatement[]) {
    assertTenantId(tenantId);
    if (statements.length === 0 || statements.length > MAX_STATEMENTS) {
      throw new PluginQueryError(
        "bad_request",
        `a transaction takes 1 to ${MAX_STATEMENTS} statements`,
      );
    }
    for (const s of statements) {
      if (!METHODS.has(s.method))
        throw new PluginQueryError("bad_request", `unknown method ${JSON.stringify(s.method)}`);
      assertPluginStatement(s.sql, s.params);
    }
    return runTenantTransaction(client, opts.hostToken, tenantId, statements, limits);
  }

  return {
    async query(tenantId, sql, params, method) {
      const [result] = await run(tenantId, [{ sql, params, method }]);
      return result ?? { rows: [] };
    },
    transaction: async (tenantId, statements) => run(tenantId, statements),
    close: () => client.end({ timeout: 5 }),
  };
}

/** timestamptz, date, time, timestamp, timetz, interval, bytea and their arrays. */
const TEXT_TYPES = [
  1184, 1082, 1083, 1114, 1266, 1186, 17, 1185, 1182, 1183, 1115, 1270, 1187, 1001,
];

/** What pg_export_snapshot() returns, e.g. `00000003-0000001B-1`. */
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i;

export type PluginTenantSession = {
  /** Host, port, database and options; the credentials become the plugin's runtime login. */
  baseUrl: string;
  hostSecret: string;
  pluginId: string;
  tenantId: string;
  isolationLevel?: "read committed" | "repeatable read";
  /** A snapshot exported by another transaction (pg_export_snapshot), to read the same moment. */
  snapshot?: string;
};

/**
 * One transaction on a plugin's runtime login, entered into a tenant exactly as the plugin
 * host enters it (app.enter_tenant with the host token), so the plugin's own RLS policies
 * decide which rows are seen and written. For host code that moves one tenant's plugin rows
 * (tenant export and import); it grants nothing the runtime login does not already have.
 * Commits when `fn` resolves, rolls back when it throws; the connection is closed after.
 */
export async function withPluginTenant<T>(
  opts: PluginTenantSession,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  assertTenantId(opts.tenantId);
  const snapshot = opts.snapshot;
  if (snapshot !== undefined && !SNAPSHOT_ID.test(snapshot)) {
    throw new Error(`not a snapshot id: ${JSON.stringify(snapshot)}`);
  }
  const client = postgres(pluginRuntimeUrl(opts.baseUrl, opts.pluginId, opts.hostSecret), {
    max: 1,
    onnotice: () => {},
  });
  try {
    const db = drizzle(client, { schema, casing: "snake_case" });
    return await db.transaction(
      async (tx) => {
        // Must come before the transaction's first query.
        if (snapshot) await tx.execute(sql.raw(`set transaction snapshot '${snapshot}'`));
        await tx.execute(
          sql`select app.enter_tenant(${opts.tenantId}::uuid, ${pluginHostToken(opts.hostSecret)})`,
        );
        return fn(tx);
      },
      opts.isolationLevel ? { isolationLevel: opts.isolationLevel } : undefined,
    );
  } finally {
    await client.end({ timeout: 5 });
  }
}
