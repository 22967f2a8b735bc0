import { latestVersion } from "@omnify/core/plugins/catalog-rows";
import { validatePluginSettings } from "@omnify/core/plugins/settings";
import { and, eq, isNull, pluginInstallations, type Tx } from "@omnify/db";

/**
 * Makes the config's plugins installed and enabled, at the newest catalog version when it
 * installs (the operator's config is the consent). Only installations the config made
 * (`installed_by` null) are uninstalled when unlisted: admins' own installs are kept, as
 * portal-invited members are. Runs in the tenant's own context (RLS).
 */
export async function syncPlugins(tx: Tx, tenantId: string, wanted: readonly string[]) {
  const changes: string[] = [];
  const rows = await tx
    .select()
    .from(pluginInstallations)
    .where(eq(pluginInstallations.tenantId, tenantId));
  const have = new Map(rows.map((r) => [r.pluginId, r]));
  const row = (pluginId: string) =>
    and(eq(pluginInstallations.tenantId, tenantId), eq(pluginInstallations.pluginId, pluginId));
  const now = new Date();

  for (const pluginId of wanted) {
    const current = have.get(pluginId);
    if (current && current.status !== "uninstalled") {
      if (current.status === "disabled") {
        await tx
          .update(pluginInstallations)
          .set({ status: "enabled", updatedAt: now })
          .where(row(pluginId));
        changes.push(`plugin ${pluginId} enabled`);
      }
      continue;
    }
    const v = await latestVersion(tx, pluginId);
    if (!v) {
      // Plugins are built and registered by `npm start` before the sync; a bare CLI run
      // before any build cannot install them yet, and says so rather than failing the agency.
      changes.push(`plugin ${pluginId} not in the catalog yet (skipped)`);
      continue;
    }
    let settings: Record<string, unknown> = {};
    try {
      settings = validatePluginSettings(v.manifest, {});
    } catch {
      changes.push(`plugin ${pluginId} has required settings: set them in the portal`);
    }
    const values = {
      version: v.version,
      status: "enabled" as const,
      consentedCapabilities: v.manifest.capabilities,
      settings,
      installedBy: null,
      installedAt: now,
      updatedAt: now,
      uninstalledAt: null,
    };
    await tx
      .insert(pluginInstallations)
      .values({ tenantId, pluginId, ...values })
      .onConflictDoUpdate({
        target: [pluginInstallations.tenantId, pluginInstallations.pluginId],
        set: values,
      });
    changes.push(`plugin +${pluginId}@${v.version}`);
  }
  for (const r of rows) {
    if (wanted.includes(r.pluginId) || r.installedBy !== null || r.status === "uninstalled")
      continue;
    await tx
      .update(pluginInstallations)
      .set({ status: "uninstalled", uninstalledAt: now, updatedAt: now })
      .where(and(row(r.pluginId), isNull(pluginInstallations.installedBy)));
    changes.push(`plugin -${r.pluginId}`);
  }
  return changes;
}
