import { pluginNames, sql, type Tx, withPluginTenant } from "@omnify/db";
import { badInput, DomainError } from "../errors";
import { relation, type TableInfo, tenantTableCatalog } from "./catalog";
import { type PluginSection, TABLE_NAME } from "./manifest";

/**
 * How host code reaches plugin tables: the database (host, port, name; the credentials are
 * replaced) and the host secret, from which each plugin's runtime login and the host token
 * for `app.enter_tenant` are derived. The app login cannot read plugin schemas at all.
 */
export type PluginDataAccess = { baseUrl: string; hostSecret: string };

export type Migration = { name: string; sha256: string };
export type InstalledPluginData = { pluginId: string; version: string; migrations: Migration[] };

/**
 * The sub-account's plugins that own tables: installed (enabled or disabled) at a version
 * with migrations. An uninstalled plugin's rows are waiting for the purge and stay behind.
 */
export async function installedPluginData(tx: Tx): Promise<InstalledPluginData[]> {
  const rows = await tx.execute<{ plugin_id: string; version: string; migrations: Migration[] }>(
    sql`select i.plugin_id, i.version,
        (select jsonb_agg(jsonb_build_object('name', m->>'name', 'sha256', m->>'sha256') order by n)
         from jsonb_array_elements(v.migrations) with ordinality e(m, n)) as migrations
      from plugin_installations i
      join plugin_versions v on v.plugin_id = i.plugin_id and v.version = i.version
      where i.status <> 'uninstalled' and jsonb_array_length(v.migrations) > 0
      order by i.plugin_id`,
  );
  return rows.map((r) => ({ pluginId: r.plugin_id, version: r.version, migrations: r.migrations }));
}

/** A database failure's own words: drizzle's message repeats the whole query. */
export function driverMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return (error.cause as Error | undefined)?.message ?? error.message;
}

/** Refuses to go on without plugin access when plugin rows would otherwise be left behind. */
export function requireAccess(
  access: PluginDataAccess | null | undefined,
  pluginIds: string[],
  doing: "exported" | "imported",
): PluginDataAccess {
  if (access) return access;
  throw new DomainError(
    "CONFLICT",
    `Plugin data (${pluginIds.join(", ")}) cannot be ${doing}: the worker has no OMNIFY_SECRET to sign in as the plugin`,
  );
}

/**
 * A transaction on the plugin's runtime login inside the tenant (see withPluginTenant). A
 * failure to sign in (plugin never provisioned here, or another host secret) names the plugin.
 */
export async function inPlugin<T>(
  access: PluginDataAccess,
  opts: { pluginId: string; tenantId: string; snapshot?: string },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  let entered = false;
  try {
    return await withPluginTenant(
      {
        ...access,
        ...opts,
        ...(opts.snapshot ? { isolationLevel: "repeatable read" as const } : {}),
      },
      async (tx) => {
        entered = true;
        return fn(tx);
      },
    );
  } catch (error) {
    if (entered) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new DomainError(
      "CONFLICT",
      `Plugin ${opts.pluginId} has no usable database login here (is it provisioned with this host secret?): ${why}`,
    );
  }
}

/** The plugin's tenant tables, as its runtime login sees them in the catalog. */
export async function pluginTables(tx: Tx, pluginId: string): Promise<TableInfo[]> {
  const tables = await tenantTableCatalog(tx, pluginNames(pluginId).schema);
  const odd = tables.find((t) => !TABLE_NAME.test(t.name));
  if (odd) {
    throw new DomainError(
      "CONFLICT",
      `Plugin ${pluginId} table "${odd.name}" has a name that cannot travel in an archive (a-z, 0-9, _ only)`,
    );
  }
  return tables;
}

export async function countRows(tx: Tx, table: TableInfo, tenantId: string): Promise<number> {
  const [c] = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from ${relation(table)} where tenant_id = ${tenantId}::uuid`,
  );
  return c?.n ?? 0;
}

/**
 * Checks an archive's plugin section against this database before anything is written: the
 * plugin must be installed here at the same migrations. `installedHere` is the target's own
 * installation if it has one, else the archive's installation row (which the import merges).
 */
export async function assertPluginMatches(
  tx: Tx,
  pluginId: string,
  section: PluginSection,
  installedHere: { version: string; status: string } | undefined,
): Promise<void> {
  if (!installedHere) {
    throw badInput(
      "archive",
      `Plugin ${pluginId} is not installed in this sub-account, and the archive does not install it`,
    );
  }
  if (installedHere.status === "uninstalled") {
    throw badInput("archive", `Plugin ${pluginId} is uninstalled in this sub-account`);
  }
  const version = installedHere.version;
  const [found] = await tx.execute<{ migrations: Migration[] }>(
    sql`select (select coalesce(jsonb_agg(jsonb_build_object('name', m->>'name', 'sha256', m->>'sha256') order by n), '[]')
         from jsonb_array_elements(v.migrations) with ordinality e(m, n)) as migrations
      from plugin_versions v where v.plugin_id = ${pluginId} and v.version = ${version}`,
  );
  if (!found) {
    throw badInput(
      "archive",
      `Plugin ${pluginId} ${version} is not available in this database; install or register it first`,
    );
  }
  const here = found.migrations.map((m) => `${m.name}:${m.sha256}`).join(", ");
  const there = section.migrations.map((m) => `${m.name}:${m.sha256}`).join(", ");
  if (here !== there) {
    const names = (ms: Migration[]) => ms.map((m) => m.name).join(", ") || "none";
    throw badInput(
      "archive",
      `Plugin ${pluginId} is at another schema version here (${version}: migrations ${names(found.migrations)}; the archive's ${section.version}: migrations ${names(section.migrations)})`,
    );
  }
}
