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
};

/** The primary key column that gets a fresh uuid on import, if the table has one. */
export function remappedKey(table: TableInfo): string | null {
  const [only, extra] = table.primaryKey;
  if (!only || extra) return null;
  return table.columns.find((c) => c.name === only)?.type === "uuid" ? only : null;
}

/** First pass: a new id for every row, so references in any table can be translated. */
export function assignIds(ctx: RemapContext, rowsByTable: Map<string, Row[]>): void {
  for (const [name, table] of ctx.imported) {
    const key = remappedKey(table);
    if (!key) continue;
    const map = new Map<string, string>();
    for (const row of rowsByTable.get(name) ?? []) {
      if (typeof row[key] === "string") map.set(row[key], randomUUID());
    }
    ctx.ids.set(name, map);
  }
}

/**
 * One row as the target sub-account will hold it: its own tenant, a new id, references to
 * other imported rows translated, people linked by e-mail, secret hashes regenerated. A
 * reference that cannot be kept becomes null where the column allows it, else an error
 * naming the file and column.
 */
export function remapRow(ctx: RemapContext, table: TableInfo, row: Row): Row {
  const out: Row = { ...row, tenant_id: ctx.targetTenantId };
  const file = `tables/${table.name}.jsonl`;
  const nullable = (column: string) => !table.columns.find((c) => c.name === column)?.notNull;
  const drop = (column: string, why: string) => {
    if (!nullable(column)) throw badInput("archive", `${file}: ${column} ${why}`);
    out[column] = null;
  };
  const key = remappedKey(table);
  if (key && typeof row[key] === "string") out[key] = ctx.ids.get(table.name)?.get(row[key]);
  for (const fk of table.foreignKeys) {
    fk.columns.forEach((column, i) => {
      const value = row[column];
      if (column === "tenant_id" || value === null || value === undefined) return;
      const refColumn = fk.refColumns[i];
      const parent = ctx.imported.get(fk.refTable);
      if (fk.refTable === "tenants") {
        if (value === ctx.sourceTenantId) out[column] = ctx.targetTenantId;
        else drop(column, "points at another tenant");
      } else if (fk.refTable === "users") {
        const user = ctx.users.get(String(value));
        if (user) out[column] = user;
        else drop(column, `refers to a person missing from users.jsonl (${value})`);
      } else if (parent && refColumn === remappedKey(parent)) {
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
