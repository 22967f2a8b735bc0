import postgres from "postgres";
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
