import { type PluginManifest, resolveInvocationTarget } from "@omnify/core";
import type { AppDatabase } from "@omnify/db";

/** The enabled installation's manifest for (tenant, plugin); NOT_FOUND when not enabled. */
export async function installedManifest(
  db: AppDatabase,
  tenantId: string,
  pluginId: string,
): Promise<PluginManifest> {
  const target = await db.withTenant(tenantId, (tx) =>
    resolveInvocationTarget(tx, tenantId, pluginId),
  );
  return target.manifest;
}
