import type postgres from "postgres";
import { PluginQueryError } from "./statement-guard";

/**
 * drizzle-orm/pg-proxy calls back with `all` (rows as arrays: it maps columns by position)
 * or `execute` (rows as objects, e.g. `db.execute(sql...)`). `values` is `all` by another
 * name; `get` is `all` cut to the first row.
 */
export type PluginQueryMethod = "all" | "execute" | "get" | "values";
export type PluginStatement = { sql: string; params: unknown[]; method: PluginQueryMethod };
export type PluginQueryResult = { rows: unknown[] };

export type PluginQueryLimits = {
  /** PostgreSQL's statement_timeout for each statement. */
  statementTimeoutMs: number;
  /** The host's wall clock for the whole call; a plugin can change its own statement_timeout. */
  deadlineMs: number;
  /** Across all statements of one call. */
  maxRows: number;
  /** Approximate JSON size of all rows of one call. */
  maxBytes: number;
};

const BATCH = 100;
/** `simple` is a runtime option of postgres.js's unsafe() that its typings omit. */
const EXTENDED = { prepare: false, simple: false } as postgres.UnsafeQueryOptions;

/**
 * One plugin call: a transaction on a reserved runtime-role connection that first enters
 * the host's tenant (signed, bound to this transaction's id), then runs the statements over
 * the extended protocol. DISCARD ALL afterwards drops anything a plugin left on the session
 * (temp tables, settings, LISTENs, advisory locks) before another tenant's call reuses it.
 * The caller has already validated the statements; this function trusts only PostgreSQL.
 */
export async function runTenantTransaction(
  client: postgres.Sql,
  hostToken: string,
  tenantId: string,
  statements: PluginStatement[],
  limits: PluginQueryLimits,
): Promise<PluginQueryResult[]> {
  const conn = await client.reserve();
  const deadline = Date.now() + limits.deadlineMs;
  const budget = { rows: 0, bytes: 0 };
  try {
    await conn.unsafe("begin");
    try {
      await conn.unsafe(
        `set local statement_timeout = ${Math.trunc(limits.statementTimeoutMs)}; set local lock_timeout = ${Math.trunc(limits.statementTimeoutMs)}`,
      );
      await conn.unsafe("select app.enter_tenant($1, $2)", [tenantId, hostToken], {
        prepare: false,
      });
      const results: PluginQueryResult[] = [];
      for (const statement of statements) {
        results.push(await runStatement(conn, statement, limits, budget, deadline));
      }
      await conn.unsafe("commit");
      return results;
    } catch (error) {
      await conn.unsafe("rollback").catch(() => {});
      throw error;
    }
  } finally {
    await conn.unsafe("discard all").catch(() => {});
    conn.release();
  }
}

async function runStatement(
  conn: postgres.ReservedSql,
  statement: PluginStatement,
  limits: PluginQueryLimits,
  budget: { rows: number; bytes: number },
  deadline: number,
): Promise<PluginQueryResult> {
  // simple: false forces the extended protocol even without params; PostgreSQL then
  // refuses a second statement in the string ("cannot insert multiple commands").
  const params = statement.params as postgres.ParameterOrJSON<never>[];
  const base = conn.unsafe(statement.sql, params, EXTENDED);
  const query = statement.method === "execute" ? base : base.values();
  const rows: unknown[] = [];
  let refused: PluginQueryError | null = null;
  const remaining = deadline - Date.now();
  const timer = setTimeout(
    () => {
      refused = new PluginQueryError("timeout", `plugin query exceeded ${limits.deadlineMs} ms`);
      query.cancel();
    },
    Math.max(remaining, 0),
  );
  try {
    await query.cursor(BATCH, (batch: unknown[]) => {
      budget.rows += batch.length;
      budget.bytes += JSON.stringify(batch).length;
      if (budget.rows > limits.maxRows) {
        refused = new PluginQueryError(
          "too_many_rows",
          `plugin query returned more than ${limits.maxRows} rows; page it with LIMIT`,
        );
      } else if (budget.bytes > limits.maxBytes) {
        refused = new PluginQueryError(
          "too_many_bytes",
          `plugin query returned more than ${limits.maxBytes} bytes; select fewer columns or page it`,
        );
      }
      if (refused) return conn.CLOSE;
      for (const row of batch) rows.push(row);
    });
  } catch (error) {
    throw refused ?? error;
  } finally {
    clearTimeout(timer);
  }
  if (refused) throw refused;
  return { rows: statement.method === "get" ? rows.slice(0, 1) : rows };
}
