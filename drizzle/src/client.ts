import { sql } from "drizzle-orm";
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export type TenantScope = {
  userId?: string | null;
  /** For long readers that need one snapshot across statements (tenant exports). */
  isolationLevel?: "read committed" | "repeatable read" | "serializable";
};

/**
 * The app's only door to the database. Every call is one transaction whose tenant (and
 * acting user) is set with set_config(..., true), so the setting dies with the
 * transaction and can never leak to the next user of a pooled connection.
 */
export type AppDatabase = {
  withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, scope?: TenantScope): Promise<T>;
  /** A transaction with no tenant: tenant rows are invisible; routing and sign-in functions work. */
  withoutTenant<T>(fn: (tx: Tx) => Promise<T>, scope?: TenantScope): Promise<T>;
  /** Subscribes to a NOTIFY channel on a dedicated connection. */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
  ): Promise<{ unlisten: () => Promise<void> }>;
  close(): Promise<void>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function assertUuid(name: string, value: string): void {
  if (!UUID.test(value)) throw new Error(`${name} must be a UUID, got ${JSON.stringify(value)}`);
}

/**
 * Points an open transaction at another tenant until it ends (or the next switch). For core
 * code only (tenants sync commits an agency and its sub-accounts as one transaction); prefer
 * `withinTenant`, which switches back. Plugin logins need a host-signed context instead.
 */
export async function setTransactionTenant(tx: Tx, tenantId: string): Promise<void> {
  assertUuid("tenantId", tenantId);
  await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
}

/** Makes the open transaction act as `userId` (`app.user_id`), e.g. after checking a session. */
export async function actAsUser(tx: Tx, userId: string): Promise<void> {
  assertUuid("userId", userId);
  await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
}

/**
 * Runs `fn` with the open transaction switched to another tenant, then switches back. For
 * core code that must read a related tenant (a sub-account's agency) without holding a
 * second pooled connection. Works for the core login only: plugin logins need a
 * host-signed context that a plain setting cannot produce.
 */
export async function withinTenant<T>(tx: Tx, tenantId: string, fn: () => Promise<T>): Promise<T> {
  const [previous] = await tx.execute<{ tenant: string | null }>(
    sql`select current_setting('app.tenant_id', true) as tenant`,
  );
  await setTransactionTenant(tx, tenantId);
  try {
    return await fn();
  } finally {
    await tx.execute(sql`select set_config('app.tenant_id', ${previous?.tenant ?? ""}, true)`);
  }
}

/**
 * Has postgres.js keep a named prepared statement per query text and connection, its own
 * default, which drizzle turns off for every query not given a name. Unnamed, a query with
 * parameters costs two round trips (postgres.js first asks the server for the parameter
 * types, then binds) and a fresh parse and plan; prepared, it is one round trip after its
 * first use on a connection, and statements queued together go out in one write.
 * Transactions and savepoints hand drizzle a new scoped client, so those are patched too.
 * The cache lives as long as the connection (postgres.js recycles connections after
 * `max_lifetime`), so even query texts that vary (bulk inserts) stay bounded.
 */
function preparedStatements<S extends postgres.Sql | postgres.TransactionSql>(sql: S): S {
  const unsafe = sql.unsafe;
  sql.unsafe = ((query: string, params?: postgres.ParameterOrJSON<never>[], options = {}) =>
    unsafe(query, params, { ...options, prepare: true })) as typeof sql.unsafe;
  if ("begin" in sql) {
    const begin = sql.begin;
    sql.begin = ((options: string | Callback, fn?: Callback) =>
      typeof options === "string" && fn
        ? begin(options, (tx) => fn(preparedStatements(tx)))
        : begin((tx) => (options as Callback)(preparedStatements(tx)))) as typeof sql.begin;
  }
  if ("savepoint" in sql) {
    const savepoint = sql.savepoint;
    sql.savepoint = ((nameOrFn: string | Callback, fn?: Callback) =>
      typeof nameOrFn === "string" && fn
        ? savepoint(nameOrFn, (tx) => fn(preparedStatements(tx)))
        : savepoint((tx) =>
            (nameOrFn as Callback)(preparedStatements(tx)),
          )) as typeof sql.savepoint;
  }
  return sql;
}
type Callback = (tx: postgres.TransactionSql) => unknown;

export function createAppDatabase(
  appUrl: string,
  opts: {
    max?: number;
    /** Called with each statement's text as it is sent (tests count round trips with it). */
    onQuery?: (statement: string) => void;
  } = {},
): AppDatabase {
  const onQuery = opts.onQuery;
  const client = postgres(appUrl, {
    max: opts.max ?? 10,
    onnotice: () => {},
    ...(onQuery ? { debug: (_connection: number, statement: string) => onQuery(statement) } : {}),
  });
  const db = drizzle(preparedStatements(client), { schema, casing: "snake_case" });

  async function run<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, scope?: TenantScope) {
    const userId = scope?.userId ?? "";
    if (userId) assertUuid("userId", userId);
    return db.transaction(
      async (tx) => {
        // Pipelined, not awaited: the statement is queued on the transaction's connection
        // now, so fn's first statement goes out behind it in the same write and sees the
        // tenant (postgres.js runs a transaction's statements in the order they were
        // issued, and every drizzle query takes the same path to it). It is awaited before
        // COMMIT; if it failed, fn's statements fail on the aborted transaction and
        // postgres.js reports this error instead.
        const tenantSet = tx
          .execute(
            sql`select set_config('app.tenant_id', ${tenantId}, true), set_config('app.user_id', ${userId}, true)`,
          )
          .then(() => undefined);
        tenantSet.catch(() => {}); // awaited below; this only keeps it from being "unhandled" meanwhile
        const result = await fn(tx);
        await tenantSet;
        return result;
      },
      scope?.isolationLevel ? { isolationLevel: scope.isolationLevel } : undefined,
    );
  }

  return {
    async withTenant(tenantId, fn, scope) {
      assertUuid("tenantId", tenantId);
      return run(tenantId, fn, scope);
    },
    withoutTenant(fn, scope) {
      return run("", fn, scope);
    },
    async listen(channel, onPayload) {
      const sub = await client.listen(channel, onPayload);
      return { unlisten: () => sub.unlisten() };
    },
    close: () => client.end({ timeout: 5 }),
  };
}
