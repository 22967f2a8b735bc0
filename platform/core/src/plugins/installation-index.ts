import { type AppDatabase, sql } from "@omnify/db";

export type IndexedInstallation = {
  tenantId: string;
  pluginId: string;
  version: string;
  status: "enabled" | "disabled" | "uninstalled";
  uninstalledAt: Date | null;
};

/**
 * Every installation of every tenant, reduced to ids and status, through the SECURITY
 * DEFINER `app.plugin_installation_index()`: system jobs (cron schedules, the purge) need to
 * know which tenants to visit, and then act in each one through withTenant.
 */
export async function listInstallationIndex(db: AppDatabase): Promise<IndexedInstallation[]> {
  const rows = await db.withoutTenant((tx) =>
    tx.execute<{
      tenant_id: string;
      plugin_id: string;
      version: string;
      status: IndexedInstallation["status"];
      uninstalled_at: string | Date | null;
    }>(sql`select * from app.plugin_installation_index()`),
  );
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    pluginId: r.plugin_id,
    version: r.version,
    status: r.status,
    uninstalledAt: r.uninstalled_at === null ? null : new Date(r.uninstalled_at),
  }));
}
