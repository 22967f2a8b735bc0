import { type AppDatabase, pluginInstallations } from "@omnify/db";
import semver from "semver";
import { DomainError } from "../errors";
import { addedCapabilities, capabilityAtoms } from "./capabilities";
import {
  type Actor,
  assertHostCompatible,
  assertPluginAction,
  type InstallationSummary,
  installationKey,
  installationSummary,
  loadVersion,
  requireInstallation,
} from "./catalog-rows";
import { emitTenantEvent } from "./emit-event";
import { parseConsent } from "./install-plugin";
import { validatePluginSettings } from "./settings";

export type UpgradePluginInput = {
  tenantId: string;
  actor: Actor;
  pluginId: string;
  version: string;
  /** Needed when the new version asks for anything not consented to before. */
  consentedCapabilities?: unknown;
  /** New settings, when the new version's schema refuses the current ones. */
  settings?: unknown;
  hostApiVersion: string;
};

/**
 * Moves an installation to a newer catalog version. Capabilities are diffed against what was
 * consented: if the new version grows them, the consent given with this call must cover
 * every one, or the upgrade is refused and nothing changes.
 */
export async function upgradePlugin(
  db: AppDatabase,
  input: UpgradePluginInput,
): Promise<InstallationSummary & { addedCapabilities: string[] }> {
  assertPluginAction(input.actor, "plugins.install");
  return db.withTenant(
    input.tenantId,
    async (tx) => {
      const row = await requireInstallation(tx, input.tenantId, input.pluginId);
      const v = await loadVersion(tx, input.pluginId, input.version);
      assertHostCompatible(v, input.hostApiVersion);
      if (!semver.gt(v.version, row.version))
        throw new DomainError("BAD_INPUT", `Choose a version newer than ${row.version}`, "version");
      const previous = parseConsent(row.consentedCapabilities);
      const added = addedCapabilities(previous, v.manifest.capabilities);
      const consent =
        input.consentedCapabilities === undefined
          ? previous
          : parseConsent(input.consentedCapabilities);
      const granted = new Set(capabilityAtoms(consent));
      const uncovered = capabilityAtoms(v.manifest.capabilities).filter((a) => !granted.has(a));
      if (uncovered.length)
        throw new DomainError(
          "FORBIDDEN",
          `${v.pluginId}@${v.version} asks for more than you consented to: ${uncovered.join(", ")}. Review and consent again.`,
          "consentedCapabilities",
        );
      const settings = validatePluginSettings(v.manifest, input.settings ?? row.settings);
      const [updated] = await tx
        .update(pluginInstallations)
        .set({
          version: v.version,
          consentedCapabilities: v.manifest.capabilities,
          settings,
          updatedAt: new Date(),
        })
        .where(installationKey(input.tenantId, input.pluginId))
        .returning();
      if (!updated) throw new Error("installation update returned no row");
      await emitTenantEvent(tx, "plugin.upgraded", {
        pluginId: v.pluginId,
        from: row.version,
        version: v.version,
      });
      return { ...installationSummary(updated), addedCapabilities: added };
    },
    { userId: input.actor.userId },
  );
}
