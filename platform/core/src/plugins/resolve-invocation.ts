import { and, eq, pluginInstallations, pluginVersions, type Tx } from "@omnify/db";
import { DomainError } from "../errors";
import { installationKey, installedVersion } from "./catalog-rows";
import { type PluginManifest, readManifest } from "./manifest";

export type InvocationTarget = {
  pluginId: string;
  version: string;
  serverSha256: string;
  settings: Record<string, unknown>;
  manifest: PluginManifest;
};

/**
 * What the runtime may run for (tenant, plugin): the INSTALLED version (its bundle's hash
 * and the settings), only while the installation is enabled. Runs in the tenant's
 * transaction, so RLS decides visibility. The code itself is fetched by `loadServerCode`,
 * which the runtime caches per hash.
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
    serverSha256: row.serverSha256,
    settings: row.settings,
    manifest: readManifest(row.manifest),
  };
}

/** A catalog version's server bundle and the hash it was registered with. */
export async function loadServerCode(tx: Tx, pluginId: string, version: string) {
  const [row] = await tx
    .select({ code: pluginVersions.serverCode, sha256: pluginVersions.serverSha256 })
    .from(pluginVersions)
    .where(and(eq(pluginVersions.pluginId, pluginId), eq(pluginVersions.version, version)));
  if (!row) throw new DomainError("NOT_FOUND", `${pluginId}@${version} is not in the catalog`);
  return row;
}
