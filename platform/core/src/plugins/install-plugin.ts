import { type AppDatabase, pluginInstallations } from "@omnify/db";
import { assertWithinLimit } from "../billing/entitlements";
import { DomainError } from "../errors";
import { capabilityAtoms, sameCapabilities } from "./capabilities";
import {
  type Actor,
  assertHostCompatible,
  assertPluginAction,
  findInstallation,
  type InstallationSummary,
  installationSummary,
  loadVersion,
} from "./catalog-rows";
import { emitTenantEvent } from "./emit-event";
import { capabilitiesSchema, type PluginCapabilities } from "./manifest";
import { validatePluginSettings } from "./settings";

export type InstallPluginInput = {
  tenantId: string;
  actor: Actor;
  pluginId: string;
  version: string;
  /** Exactly what the consent screen showed; must equal the version's capabilities. */
  consentedCapabilities: unknown;
  settings?: unknown;
  hostApiVersion: string;
};

/** Parses consent input; the error names the `consentedCapabilities` field. */
export function parseConsent(raw: unknown): PluginCapabilities {
  const parsed = capabilitiesSchema.safeParse(raw);
  if (!parsed.success)
    throw new DomainError("BAD_INPUT", "Consent is not a capability list", "consentedCapabilities");
  return parsed.data;
}

/**
 * Installs (or re-installs, within the uninstall grace period) a catalog version for the
 * tenant, after checking the actor, host compatibility, consent and settings. One
 * transaction: on any failure nothing is written and no event is sent.
 */
export async function installPlugin(
  db: AppDatabase,
  input: InstallPluginInput,
): Promise<InstallationSummary> {
  assertPluginAction(input.actor, "plugins.install");
  const consent = parseConsent(input.consentedCapabilities);
  return db.withTenant(
    input.tenantId,
    async (tx) => {
      const v = await loadVersion(tx, input.pluginId, input.version);
      assertHostCompatible(v, input.hostApiVersion);
      if (!sameCapabilities(consent, v.manifest.capabilities)) {
        const wanted = capabilityAtoms(v.manifest.capabilities).join(", ") || "none";
        throw new DomainError(
          "BAD_INPUT",
          `Consent must cover exactly what ${v.pluginId}@${v.version} asks for: ${wanted}`,
          "consentedCapabilities",
        );
      }
      const settings = validatePluginSettings(v.manifest, input.settings ?? {});
      const existing = await findInstallation(tx, input.tenantId, input.pluginId);
      if (existing && existing.status !== "uninstalled")
        throw new DomainError("CONFLICT", `${input.pluginId} is already installed`, "pluginId");
      await assertWithinLimit(tx, input.tenantId, "plugins");
      const now = new Date();
      const values = {
        version: v.version,
        status: "enabled" as const,
        consentedCapabilities: v.manifest.capabilities,
        settings,
        installedBy: input.actor.userId,
        installedAt: now,
        updatedAt: now,
        uninstalledAt: null,
      };
      const [row] = await tx
        .insert(pluginInstallations)
        .values({ tenantId: input.tenantId, pluginId: input.pluginId, ...values })
        .onConflictDoUpdate({
          target: [pluginInstallations.tenantId, pluginInstallations.pluginId],
          set: values,
        })
        .returning();
      if (!row) throw new Error("installation upsert returned no row");
      await emitTenantEvent(tx, "plugin.installed", { pluginId: v.pluginId, version: v.version });
      return installationSummary(row);
    },
    { userId: input.actor.userId },
  );
}
