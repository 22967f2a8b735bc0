import { type AppDatabase, pluginInstallations } from "@omnify/db";
import {
  type Actor,
  assertPluginAction,
  type InstallationSummary,
  installationKey,
  installationSummary,
  requireInstallation,
} from "./catalog-rows";
import { emitTenantEvent } from "./emit-event";

export type PluginStatusChange = "enable" | "disable" | "uninstall";

const NEXT = { enable: "enabled", disable: "disabled", uninstall: "uninstalled" } as const;
const EVENT = {
  enable: "plugin.enabled",
  disable: "plugin.disabled",
  uninstall: "plugin.uninstalled",
} as const;

/** Uninstalling (which ends the plugin's data after a grace) is an install-level right. */
export const pluginStatusAction = (change: PluginStatusChange) =>
  change === "uninstall" ? ("plugins.install" as const) : ("plugins.configure" as const);

/**
 * Enables, disables or uninstalls. Uninstalling keeps the data (and secrets) for the grace
 * period, so re-installing restores it; the purge job removes it afterwards. Repeating a
 * change is a no-op that sends no event.
 */
export async function setPluginStatus(
  db: AppDatabase,
  input: { tenantId: string; actor: Actor; pluginId: string; change: PluginStatusChange },
): Promise<InstallationSummary> {
  assertPluginAction(input.actor, pluginStatusAction(input.change));
  return db.withTenant(
    input.tenantId,
    async (tx) => {
      const row = await requireInstallation(tx, input.tenantId, input.pluginId);
      const status = NEXT[input.change];
      if (row.status === status) return installationSummary(row);
      const now = new Date();
      const [updated] = await tx
        .update(pluginInstallations)
        .set({ status, updatedAt: now, uninstalledAt: status === "uninstalled" ? now : null })
        .where(installationKey(input.tenantId, input.pluginId))
        .returning();
      if (!updated) throw new Error("installation update returned no row");
      await emitTenantEvent(tx, EVENT[input.change], { pluginId: input.pluginId });
      return installationSummary(updated);
    },
    { userId: input.actor.userId },
  );
}
