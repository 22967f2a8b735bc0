import { and, eq, type Tx, tenantPlugins } from "@omnify/db";

/**
 * Makes the tenant's plugin list exactly the config's: listed plugins enabled, unlisted
 * ones removed. Runs in the tenant's own context (RLS: tenant_id = current tenant).
 */
export async function syncPlugins(tx: Tx, tenantId: string, wanted: readonly string[]) {
  const changes: string[] = [];
  const rows = await tx
    .select({ pluginId: tenantPlugins.pluginId, status: tenantPlugins.status })
    .from(tenantPlugins)
    .where(eq(tenantPlugins.tenantId, tenantId));
  const have = new Map(rows.map((r) => [r.pluginId, r.status]));
  const row = (pluginId: string) =>
    and(eq(tenantPlugins.tenantId, tenantId), eq(tenantPlugins.pluginId, pluginId));

  for (const pluginId of wanted) {
    const status = have.get(pluginId);
    if (status === undefined) {
      await tx.insert(tenantPlugins).values({ tenantId, pluginId });
      changes.push(`plugin +${pluginId}`);
    } else if (status !== "enabled") {
      await tx.update(tenantPlugins).set({ status: "enabled" }).where(row(pluginId));
      changes.push(`plugin ${pluginId} enabled`);
    }
  }
  for (const pluginId of have.keys()) {
    if (wanted.includes(pluginId)) continue;
    await tx.delete(tenantPlugins).where(row(pluginId));
    changes.push(`plugin -${pluginId}`);
  }
  return changes;
}
