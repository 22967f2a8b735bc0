import { createHash } from "node:crypto";
import postgres from "postgres";
import { type PluginNames, pluginNames } from "./names";
import type { PluginDatabaseUrls } from "./provision";
import { commandOf, splitStatements } from "./sql-text";
import { MIGRATIONS_TABLE, type PluginSchemaViolation, verifyPluginSchema } from "./verify";

export type PluginMigration = { name: string; sql: string };

/** A migration that was refused; nothing it did was committed. */
export class PluginMigrationError extends Error {
  constructor(
    readonly pluginId: string,
    readonly migration: string,
    readonly violations: PluginSchemaViolation[],
  ) {
    const detail = violations.map((v) => `${v.table} ${v.problem}`).join("; ");
    super(`plugin "${pluginId}" migration "${migration}" rejected: ${detail}`);
    this.name = "PluginMigrationError";
  }
}

/**
 * Statements that would end or escape the migration's transaction (so a later check could
 * no longer roll it back), or that the simple protocol cannot carry.
 */
const FORBIDDEN = new Set([
  "begin",
  "start",
  "commit",
  "end",
  "rollback",
  "abort",
  "savepoint",
  "release",
  "prepare",
  "copy",
  "notify",
  "listen",
]);

/**
 * Applies a plugin's not-yet-applied migrations, one transaction each, on a connection that
 * logs in as the plugin's migration role. After each one the schema is verified inside the
 * same transaction; a violation rolls it back and throws PluginMigrationError.
 */
export async function migratePlugin(
  urls: Pick<PluginDatabaseUrls, "migrationUrl">,
  opts: { pluginId: string; migrations: PluginMigration[] },
): Promise<{ applied: string[] }> {
  const names = pluginNames(opts.pluginId);
  assertNames(opts.migrations);
  const sql = postgres(urls.migrationUrl, { max: 1, onnotice: () => {} });
  try {
    await prepareTracking(sql, names);
    const applied: string[] = [];
    for (const migration of opts.migrations) {
      if (await applyOne(sql, names, migration)) applied.push(migration.name);
    }
    return { applied };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function prepareTracking(sql: postgres.Sql, n: PluginNames) {
  const [who] = await sql<{ login: string; sup: boolean }[]>`
    select session_user::text as login, (select rolsuper from pg_roles where rolname = session_user) as sup`;
  if (who?.login !== n.migrationRole || who.sup) {
    throw new Error(`migratePlugin must log in as ${n.migrationRole}, not ${who?.login}`);
  }
  const table = `"${n.schema}"."${MIGRATIONS_TABLE}"`;
  await sql.begin(async (tx) => {
    await lockAndPin(tx, n);
    await tx.unsafe(`create table if not exists ${table} (
      name text primary key, sha256 text not null, applied_at timestamptz not null default now())`);
    // Default privileges hand every new table to the runtime role; not this one.
    await tx.unsafe(`revoke all on ${table} from "${n.runtimeRole}"`);
  });
}

async function applyOne(sql: postgres.Sql, n: PluginNames, m: PluginMigration): Promise<boolean> {
  const sha256 = createHash("sha256").update(m.sql).digest("hex");
  const table = `"${n.schema}"."${MIGRATIONS_TABLE}"`;
  const refuse = (problem: string) =>
    new PluginMigrationError(n.pluginId, m.name, [{ table: n.schema, problem }]);
  return sql.begin(async (tx) => {
    await lockAndPin(tx, n);
    const [done] = await tx.unsafe<{ sha256: string }[]>(
      `select sha256 from ${table} where name = $1`,
      [m.name],
    );
    if (done) {
      if (done.sha256 !== sha256)
        throw refuse("changed after it was applied; add a new migration instead");
      return false;
    }
    const banned = splitStatements(m.sql)
      .map(commandOf)
      .filter((c) => FORBIDDEN.has(c));
    if (banned.length)
      throw refuse(`must not use ${[...new Set(banned)].join(", ").toUpperCase()}`);
    const [before] = await tx<{ xid: string }[]>`select pg_current_xact_id()::text as xid`;
    // Unqualified names in the migration land in the plugin's schema.
    await tx.unsafe(`set local search_path = "${n.schema}"`);
    await tx.unsafe(m.sql);
    await tx`set local search_path = pg_catalog, pg_temp`;
    const [after] = await tx<{ xid: string | null }[]>`
      select pg_catalog.pg_current_xact_id_if_assigned()::pg_catalog.text as xid`;
    if (after?.xid !== before?.xid)
      throw refuse("left its transaction (COMMIT or ROLLBACK inside)");
    const violations = await verifyPluginSchema(tx, n);
    if (violations.length) throw new PluginMigrationError(n.pluginId, m.name, violations);
    await tx.unsafe(`insert into ${table} (name, sha256) values ($1, $2)`, [m.name, sha256]);
    return true;
  });
}

/**
 * Every transaction starts by pinning what an earlier migration on this connection may have
 * changed for the session: name lookup (so its objects cannot shadow ours) and the string
 * syntax that splitStatements assumes.
 */
async function lockAndPin(tx: postgres.TransactionSql, n: PluginNames) {
  await tx.unsafe(
    "set local search_path = pg_catalog, pg_temp; set local standard_conforming_strings = on",
  );
  await tx`select pg_advisory_xact_lock(hashtext(${`omnify.plugin-migrate:${n.schema}`}))`;
}

function assertNames(migrations: PluginMigration[]) {
  const seen = new Set<string>();
  for (const m of migrations) {
    if (!m.name.trim() || m.name.length > 200)
      throw new Error(`bad migration name ${JSON.stringify(m.name)}`);
    if (seen.has(m.name)) throw new Error(`migration "${m.name}" is listed twice`);
    seen.add(m.name);
  }
}
