import { and, eq, pluginInstallations, pluginVersions, type Tx } from "@omnify/db";
import semver from "semver";
import { assertAuthorized } from "../access/authorize";
import type { EffectiveRole } from "../auth/roles";
import { DomainError } from "../errors";
import { type PluginManifest, readManifest } from "./manifest";

/** Who acts; `permissions` are a custom role's grants (absent or null: the fixed role's). */
export type Actor = { userId: string; role: EffectiveRole; permissions?: readonly string[] | null };
export type InstallationRow = typeof pluginInstallations.$inferSelect;
export type CatalogVersion = { pluginId: string; version: string; manifest: PluginManifest };

/**
 * Core's own check behind the procedure gates, through the one policy function:
 * `plugins.install` (install, upgrade, uninstall: owners and admins) or `plugins.configure`
 * (settings, secrets, enable/disable: also roles granting `plugins:write`). Neither action
 * is agency-only, so the tenant's kind does not change the answer.
 */
export function assertPluginAction(
  actor: Actor,
  action: "plugins.install" | "plugins.configure",
): void {
  assertAuthorized({ ...actor, permissions: actor.permissions ?? null }, action, {
    tenant: { id: "", kind: "agency" },
  });
}

/** One catalog version, or NOT_FOUND naming the field the caller got wrong. */
export async function loadVersion(
  tx: Tx,
  pluginId: string,
  version: string,
): Promise<CatalogVersion> {
  const [row] = await tx
    .select({ manifest: pluginVersions.manifest })
    .from(pluginVersions)
    .where(and(eq(pluginVersions.pluginId, pluginId), eq(pluginVersions.version, version)));
  if (!row)
    throw new DomainError("NOT_FOUND", `${pluginId}@${version} is not in the catalog`, "version");
  return { pluginId, version, manifest: readManifest(row.manifest) };
}

/** Every catalog version of every plugin, newest version first per plugin. */
export async function catalogVersions(tx: Tx): Promise<CatalogVersion[]> {
  const rows = await tx
    .select({
      pluginId: pluginVersions.pluginId,
      version: pluginVersions.version,
      manifest: pluginVersions.manifest,
    })
    .from(pluginVersions);
  return rows
    .map((r) => ({ ...r, manifest: readManifest(r.manifest) }))
    .sort((a, b) =>
      a.pluginId === b.pluginId
        ? semver.rcompare(a.version, b.version)
        : a.pluginId < b.pluginId
          ? -1
          : 1,
    );
}

/** The newest catalog version of one plugin, or null. */
export async function latestVersion(tx: Tx, pluginId: string): Promise<CatalogVersion | null> {
  const all = await catalogVersions(tx);
  return all.find((v) => v.pluginId === pluginId) ?? null;
}

/** Refuses a version whose `hostApi` range excludes the host that would run it. */
export function assertHostCompatible(v: CatalogVersion, hostApiVersion: string): void {
  if (!semver.satisfies(hostApiVersion, v.manifest.hostApi, { includePrerelease: true }))
    throw new DomainError(
      "BAD_INPUT",
      `${v.pluginId}@${v.version} needs host API ${v.manifest.hostApi}; this host provides ${hostApiVersion}`,
      "version",
    );
}

/** The WHERE for one installation (its primary key). */
export const installationKey = (tenantId: string, pluginId: string) =>
  and(eq(pluginInstallations.tenantId, tenantId), eq(pluginInstallations.pluginId, pluginId));

/** Joins an installation to the catalog row of the version it has installed. */
export const installedVersion = and(
  eq(pluginVersions.pluginId, pluginInstallations.pluginId),
  eq(pluginVersions.version, pluginInstallations.version),
);

export async function findInstallation(
  tx: Tx,
  tenantId: string,
  pluginId: string,
): Promise<InstallationRow | null> {
  const [row] = await tx
    .select()
    .from(pluginInstallations)
    .where(installationKey(tenantId, pluginId));
  return row ?? null;
}

/** The installation, unless it is missing or uninstalled. */
export async function requireInstallation(
  tx: Tx,
  tenantId: string,
  pluginId: string,
): Promise<InstallationRow> {
  const row = await findInstallation(tx, tenantId, pluginId);
  if (!row || row.status === "uninstalled")
    throw new DomainError("NOT_FOUND", `${pluginId} is not installed here`, "pluginId");
  return row;
}

/** What procedures return about an installation: no settings secrets, no internals. */
export function installationSummary(row: InstallationRow) {
  return {
    pluginId: row.pluginId,
    version: row.version,
    status: row.status,
    consentedCapabilities: row.consentedCapabilities,
    installedAt: row.installedAt,
    updatedAt: row.updatedAt,
  };
}
export type InstallationSummary = ReturnType<typeof installationSummary>;
