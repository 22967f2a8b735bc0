import { eq, pluginInstallations, type Tx } from "@omnify/db";
import semver from "semver";
import { addedCapabilities, describeCapabilities } from "./capabilities";
import { catalogVersions } from "./catalog-rows";
import { parseConsent } from "./install-plugin";

/**
 * The catalog as a tenant sees it: the newest version of each plugin, what it may do in
 * plain words, and the tenant's installation (with what an upgrade would add).
 */
export async function listPluginCatalog(tx: Tx, tenantId: string, hostApiVersion: string) {
  const versions = await catalogVersions(tx);
  const installed = new Map(
    (
      await tx.select().from(pluginInstallations).where(eq(pluginInstallations.tenantId, tenantId))
    ).map((r) => [r.pluginId, r]),
  );
  const latest = versions.filter((v, i) => versions[i - 1]?.pluginId !== v.pluginId);
  return latest.map((v) => {
    const row = installed.get(v.pluginId);
    const current = row && row.status !== "uninstalled" ? row : null;
    const caps = v.manifest.capabilities;
    return {
      id: v.pluginId,
      name: v.manifest.name,
      description: v.manifest.description,
      latestVersion: v.version,
      compatible: semver.satisfies(hostApiVersion, v.manifest.hostApi, { includePrerelease: true }),
      capabilities: caps,
      capabilityList: describeCapabilities(caps),
      settingsForm: v.manifest.settingsForm,
      installed: current
        ? {
            version: current.version,
            status: current.status,
            upgradeAvailable: semver.gt(v.version, current.version),
            addedCapabilities: addedCapabilities(parseConsent(current.consentedCapabilities), caps),
          }
        : null,
    };
  });
}
export type CatalogEntry = Awaited<ReturnType<typeof listPluginCatalog>>[number];
