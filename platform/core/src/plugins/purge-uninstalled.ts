import { type AppDatabase, and, eq, lt, pluginInstallations } from "@omnify/db";
import { listInstallationIndex } from "./installation-index";

/** How long an uninstalled plugin's data and secrets are kept, so a re-install restores it. */
export const UNINSTALL_GRACE_MS = 30 * 86_400_000;

/**
 * Purges installations uninstalled longer ago than the grace period: first the plugin's own
 * rows for that tenant (`purgeData`, through the plugin runtime), then the installation row,
 * whose secrets go with it (foreign key cascade). A re-install in between wins: the delete
 * re-checks status and time.
 */
export async function purgeUninstalledPlugins(
  db: AppDatabase,
  opts: {
    now?: Date;
    graceMs?: number;
    purgeData: (tenantId: string, pluginId: string) => Promise<void>;
  },
): Promise<Array<{ tenantId: string; pluginId: string }>> {
  const cutoff = new Date(
    (opts.now ?? new Date()).getTime() - (opts.graceMs ?? UNINSTALL_GRACE_MS),
  );
  const due = (await listInstallationIndex(db)).filter(
    (i) => i.status === "uninstalled" && i.uninstalledAt !== null && i.uninstalledAt < cutoff,
  );
  const purged: Array<{ tenantId: string; pluginId: string }> = [];
  for (const i of due) {
    await opts.purgeData(i.tenantId, i.pluginId);
    const deleted = await db.withTenant(i.tenantId, (tx) =>
      tx
        .delete(pluginInstallations)
        .where(
          and(
            eq(pluginInstallations.tenantId, i.tenantId),
            eq(pluginInstallations.pluginId, i.pluginId),
            eq(pluginInstallations.status, "uninstalled"),
            lt(pluginInstallations.uninstalledAt, cutoff),
          ),
        )
        .returning({ pluginId: pluginInstallations.pluginId }),
    );
    if (deleted.length) purged.push({ tenantId: i.tenantId, pluginId: i.pluginId });
  }
  return purged;
}
