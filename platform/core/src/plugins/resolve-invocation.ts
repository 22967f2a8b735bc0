import { pluginInstallations, pluginVersions, type Tx } from "@omnify/db";
import { DomainError } from "../errors";
import { installationKey, installedVersion } from "./catalog-rows";
import { type PluginManifest, readManifest } from "./manifest";

export type InvocationTarget = {
  pluginId: string;
  version: string;
  serverCode: string;
  serverSha256: string;
  settings: Record<string, unknown>;
  manifest: PluginManifest;
};

/**
 * What the runtime may run for (tenant, plugin): the INSTALLED version's bundle, only while
 * the installation is enabled. Runs in the tenant's transaction, so RLS decides visibility.
 */
export async function resolveInvocationTarget(
  tx: Tx,
  tenantId: string,
  pluginId: string,
): Promise<InvocationTarget> {
  const [row] = await tx
    .select({
      version: pluginInstallations.version,
      status: pluginInstallations.status,
      settings: pluginInstallations.settings,
      serverCode: pluginVersions.serverCode,
      serverSha256: pluginVersions.serverSha256,
      manifest: pluginVersions.manifest,
    })
    .from(pluginInstallations)
    .innerJoin(pluginVersions, installedVersion)
    .where(installationKey(tenantId, pluginId));
  if (row?.status !== "enabled")
    throw new DomainError("NOT_FOUND", `${pluginId} is not enabled for this workspace`, "pluginId");
  return {
    pluginId,
    version: row.version,
    serverCode: row.serverCode,
    serverSha256: row.serverSha256,
    settings: row.settings,
    manifest: readManifest(row.manifest),
  };
}
