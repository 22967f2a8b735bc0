import type { TestDatabase } from "@omnify/db/testing";

type Admin = TestDatabase["admin"];

const TABLES = [
  "tenants",
  "tenant_domains",
  "plugin_installations",
  "plugin_events",
  "users",
  "memberships",
] as const;

/** Every row (every column) of the tables sync writes, read as the superuser, in a stable order. */
export async function dumpTables(admin: Admin): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = await admin<{ row: unknown }[]>`
      select to_jsonb(x) as row from ${admin(table)} x order by to_jsonb(x)::text`;
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}

export async function rowCounts(admin: Admin): Promise<Record<string, number>> {
  const dump = await dumpTables(admin);
  return Object.fromEntries(Object.entries(dump).map(([table, rows]) => [table, rows.length]));
}
