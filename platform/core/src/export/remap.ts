import { randomUUID } from "node:crypto";
import { generateSecretToken, hashSecretToken } from "../auth/secret-token";
import { badInput } from "../errors";
import type { TableInfo } from "./catalog";
import type { Row } from "./read-archive";
import { REGENERATED_ON_IMPORT } from "./table-rules";

/** What the remapper knows about one import: where rows go and how references translate. */
export type RemapContext = {
  sourceTenantId: string;
  targetTenantId: string;
  /** Tables being imported, by name (their single uuid primary keys get new ids). */
  imported: Map<string, TableInfo>;
  /** Every tenant table in the target database, imported or not. */
  tenantTables: Set<string>;
  /** Old user id → the same person's id here (found by e-mail). */
  users: Map<string, string>;
  /** `table` → old id → new id. */
  ids: Map<string, Map<string, string>>;
  /** The archive file a table's rows came from, for messages (default `tables/<table>.jsonl`). */
  fileOf?: (table: string) => string;
  /** Which column gets new values (default remappedKey: a single uuid primary key). */
  keyOf?: (table: TableInfo) => string | null;
};

/** New key values for `count` rows of a table; by default random uuids. */
export type NextIds = (table: TableInfo, count: number) => Promise<string[]>;
const randomIds: NextIds = async (_table, count) => Array.from({ length: count }, randomUUID);

/** The primary key column that gets a fresh uuid on import, if the table has one. */
export function remappedKey(table: TableInfo): string | null {
  const [only, extra] = table.primaryKey;
  if (!only || extra) return null;
  return table.columns.find((c) => c.name === only)?.type === "uuid" ? only : null;
}

const keyOf = (ctx: RemapContext, table: TableInfo) => (ctx.keyOf ?? remappedKey)(table);
const present = (value: unknown): value is string | number =>
  typeof value === "string" || typeof value === "number";

/** First pass: a new id for every row, so references in any table can be translated. */
export async function assignIds(
  ctx: RemapContext,
  rowsByTable: Map<string, Row[]>,
  nextIds: NextIds = randomIds,
): Promise<void> {
  for (const [name, table] of ctx.imported) {
    const key = keyOf(ctx, table);
    if (!key) continue;
    const old = (rowsByTable.get(name) ?? []).map((row) => row[key]).filter(present);
    const fresh = await nextIds(table, old.length);
    const map = new Map<string, string>();
    old.forEach((value, i) => {
      map.set(String(value), fresh[i] as string);
    });
    ctx.ids.set(name, map);
  }
}

/**
 * One row as the target sub-account will hold it: its own tenant, a new id, references to
 * other imported rows translated, people linked by e-mail, secret hashes regenerated. A
 * reference that cannot be kept becomes null where the column allows it, else an error
 * naming the file and column.
 */
export function remapRow(ctx: RemapContext, table: TableInfo, row: Row, index?: number): Row {
  const out: Row = { ...row, tenant_id: ctx.targetTenantId };
  const file = ctx.fileOf?.(table.name) ?? `tables/${table.name}.jsonl`;
  const where = index === undefined ? file : `${file} line ${index + 1}`;
  const nullable = (column: string) => !table.columns.find((c) => c.name === column)?.notNull;
  const drop = (column: string, why: string) => {
    if (!nullable(column)) throw badInput("archive", `${where}: ${column} ${why}`);
    out[column] = null;
  };
  const key = keyOf(ctx, table);
  const own = key ? row[key] : undefined;
  if (key && present(own)) out[key] = ctx.ids.get(table.name)?.get(String(own));
  for (const fk of table.foreignKeys) {
    fk.columns.forEach((column, i) => {
      const value = row[column];
      if (column === "tenant_id" || value === null || value === undefined) return;
      const refColumn = fk.refColumns[i];
      const parent = ctx.imported.get(fk.refTable);
      // Plugin tables reference their own schema only, whatever their tables are called.
      const core = table.schema === "public";
      if (core && fk.refTable === "tenants") {
        if (value === ctx.sourceTenantId) out[column] = ctx.targetTenantId;
        else drop(column, "points at another tenant");
      } else if (core && fk.refTable === "users") {
        const user = ctx.users.get(String(value));
        if (user) out[column] = user;
        else drop(column, `refers to a person missing from users.jsonl (${value})`);
      } else if (parent && refColumn === keyOf(ctx, parent)) {
        const mapped = ctx.ids.get(fk.refTable)?.get(String(value));
        if (mapped) out[column] = mapped;
        else drop(column, `refers to a ${fk.refTable} row that is not in the archive`);
      } else if (!parent && ctx.tenantTables.has(fk.refTable)) {
        drop(column, `refers to ${fk.refTable}, which is not imported`);
      }
    });
  }
  for (const column of REGENERATED_ON_IMPORT[table.name] ?? []) {
    if (column in out) out[column] = hashSecretToken(generateSecretToken());
  }
  return out;
}
