import type { PluginDatabases } from "./plugin-databases";

type Edge = { child: string; parent: string };

/**
 * Deletes one tenant's rows from every table of a plugin's schema, on the plugin's runtime
 * login under that tenant (RLS scopes every DELETE to the tenant). Children go before the
 * tables they reference, so plugin foreign keys do not block the purge.
 */
export async function purgePluginData(dbs: PluginDatabases, tenantId: string, pluginId: string) {
  const db = dbs.get(pluginId);
  const tables = (
    await db.query(
      tenantId,
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and c.relkind in ('r', 'p') and has_table_privilege(c.oid, 'DELETE')`,
      [],
      "execute",
    )
  ).rows.map((r) => (r as { name: string }).name);
  if (tables.length === 0) return { tables: 0 };
  const edges = (
    await db.query(
      tenantId,
      `select ch.relname as child, pa.relname as parent from pg_constraint k
       join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
       join pg_namespace n on n.oid = ch.relnamespace
       where k.contype = 'f' and n.nspname = current_schema() and ch.oid <> pa.oid`,
      [],
      "execute",
    )
  ).rows as Edge[];
  const ordered = childrenFirst(tables, edges);
  await db.transaction(
    tenantId,
    ordered.map((t) => ({
      sql: `delete from "${t.replaceAll('"', '""')}"`,
      params: [],
      method: "execute" as const,
    })),
  );
  return { tables: ordered.length };
}

/** Topological order, referencing tables first; cycles fall back to name order. */
export function childrenFirst(tables: string[], edges: Edge[]): string[] {
  const out: string[] = [];
  const left = new Set([...tables].sort());
  while (left.size) {
    const next =
      [...left].find(
        (t) => !edges.some((e) => e.parent === t && left.has(e.child) && e.child !== t),
      ) ?? ([...left][0] as string);
    out.push(next);
    left.delete(next);
  }
  return out;
}
