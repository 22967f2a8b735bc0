import { createHash } from "node:crypto";
import { sql, type Tx } from "@omnify/db";

export type ColumnInfo = {
  name: string;
  type: string;
  notNull: boolean;
  /** Computed (GENERATED ... STORED) or GENERATED ALWAYS AS IDENTITY. */
  generated: boolean;
  /** GENERATED ... STORED: PostgreSQL computes it, so it is never written. */
  computed: boolean;
  /** GENERATED ALWAYS AS IDENTITY: written only with OVERRIDING SYSTEM VALUE. */
  alwaysIdentity: boolean;
  /** The sequence behind a serial or identity column (schema-qualified), if any. */
  sequence: string | null;
};
export type ForeignKey = { columns: string[]; refTable: string; refColumns: string[] };
export type TableInfo = {
  /** `public` for core tables, `plugin_<id>` for a plugin's. */
  schema: string;
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
};

type ColumnRow = {
  table: string;
  column: string;
  type: string;
  not_null: boolean;
  computed: boolean;
  always_identity: boolean;
  sequence: string | null;
};
type KeyRow = {
  table: string;
  kind: "p" | "f";
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
};

/**
 * Every table with a `tenant_id` column in `schema` (public, or a plugin's schema read on the
 * plugin's own login), from the catalog (as fixtures.ts does for the isolation suite), so
 * tables added later are exported without touching this code.
 */
export async function tenantTableCatalog(tx: Tx, schema = "public"): Promise<TableInfo[]> {
  const columns = await tx.execute<ColumnRow>(sql`
    select c.relname as table, a.attname as column,
      format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null,
      a.attgenerated <> '' as computed, a.attidentity = 'a' as always_identity,
      pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = ${schema}
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind in ('r', 'p') and exists (
      select 1 from pg_attribute t
      where t.attrelid = c.oid and t.attname = 'tenant_id' and not t.attisdropped)
    order by c.relname, a.attnum`);
  const keys = await tx.execute<KeyRow>(sql`
    select c.relname as table, k.contype as kind,
      array(select a.attname from unnest(k.conkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.n order by u.i)::text[] as columns,
      r.relname as ref_table,
      case when k.contype = 'f' then array(select a.attname from unnest(k.confkey) with ordinality u(n, i)
        join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.n order by u.i)::text[] end as ref_columns
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = ${schema}
    left join pg_class r on r.oid = k.confrelid
    where k.contype in ('p', 'f')
    order by c.relname, k.conname`);

  const tables = new Map<string, TableInfo>();
  for (const row of columns) {
    let table = tables.get(row.table);
    if (!table) {
      table = { schema, name: row.table, columns: [], primaryKey: [], foreignKeys: [] };
      tables.set(row.table, table);
    }
    table.columns.push({
      name: row.column,
      type: row.type,
      notNull: row.not_null,
      generated: row.computed || row.always_identity,
      computed: row.computed,
      alwaysIdentity: row.always_identity,
      sequence: row.sequence,
    });
  }
  for (const key of keys) {
    const table = tables.get(key.table);
    if (!table) continue;
    if (key.kind === "p") table.primaryKey = key.columns;
    else if (key.ref_table && key.ref_columns) {
      table.foreignKeys.push({
        columns: key.columns,
        refTable: key.ref_table,
        refColumns: key.ref_columns,
      });
    }
  }
  return [...tables.values()];
}

/**
 * Tables ordered so that every table comes after the tables it references (parents
 * first), which is the order an import must insert in. Self-references are allowed.
 */
export function insertionOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const order: TableInfo[] = [];
  const visit = (table: TableInfo) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) {
      throw new Error(`tables reference each other in a cycle through ${table.name}`);
    }
    visiting.add(table.name);
    for (const fk of table.foreignKeys) {
      const parent = byName.get(fk.refTable);
      if (parent && parent.name !== table.name) visit(parent);
    }
    visiting.delete(table.name);
    done.add(table.name);
    order.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return order;
}

/** A short digest of the tables and column types, so an import can say "different schema". */
export function schemaFingerprint(tables: readonly TableInfo[]): string {
  const text = tables
    .map((t) => `${t.name}(${t.columns.map((c) => `${c.name} ${c.type}`).join(",")})`)
    .sort()
    .join("\n");
  return createHash("sha256").update(text).digest("hex");
}

/** The table as SQL, schema-qualified. */
export function relation(table: Pick<TableInfo, "schema" | "name">) {
  return sql`${sql.identifier(table.schema)}.${sql.identifier(table.name)}`;
}

/** Numbers PostgreSQL keeps exactly but JSON.parse would round: exported as strings. */
export function exactAsText(column: ColumnInfo): boolean {
  return /^(numeric|bigint|money)/.test(column.type);
}
