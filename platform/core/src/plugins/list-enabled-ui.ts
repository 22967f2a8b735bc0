import { and, eq, pluginInstallations, pluginVersions, type Tx } from "@omnify/db";
import { installedVersion } from "./catalog-rows";
import { readManifest } from "./manifest";

/** URL prefix the web app serves plugin UI builds under (immutable, hash-checked). */
export const PLUGIN_ASSET_PREFIX = "/_plugins";

/**
 * Federated UI of the tenant's ENABLED installations, pinned to the installed version and
 * its content hashes, for the portal's module-federation host.
 */
export async function listEnabledPluginUi(tx: Tx, tenantId: string) {
  const rows = await tx
    .select({
      pluginId: pluginInstallations.pluginId,
      version: pluginInstallations.version,
      settings: pluginInstallations.settings,
      manifest: pluginVersions.manifest,
      ui: pluginVersions.ui,
    })
    .from(pluginInstallations)
    .innerJoin(pluginVersions, installedVersion)
    .where(
      and(eq(pluginInstallations.tenantId, tenantId), eq(pluginInstallations.status, "enabled")),
    )
    .orderBy(pluginInstallations.pluginId);
  return rows.flatMap((r) => {
    const ui = r.ui as {
      remoteName: string;
      manifestFile: string;
      manifestSha256: string;
      files: Record<string, string>;
    } | null;
    if (!ui) return [];
    const m = readManifest(r.manifest);
    return [
      {
        pluginId: r.pluginId,
        version: r.version,
        name: m.name,
        remoteName: ui.remoteName,
        manifestUrl: `${PLUGIN_ASSET_PREFIX}/${r.pluginId}/${r.version}/${ui.manifestFile}`,
        manifestSha256: ui.manifestSha256,
        files: ui.files,
        slots: m.capabilities.ui?.slots ?? [],
        navLabel: m.name,
        settings: r.settings,
      },
    ];
  });
}
