import { type AppDatabase, pluginInstallations, type Tx } from "@omnify/db";
import { DomainError } from "../errors";
import {
  type Actor,
  assertPluginAction,
  installationKey,
  loadVersion,
  requireInstallation,
} from "./catalog-rows";
import { listPluginSecretNames, writePluginSecret } from "./secrets/store";
import { validatePluginSettings } from "./settings";

/** The settings page's data: values, the form to render them, and which secrets are set. */
export async function getPluginSettings(tx: Tx, tenantId: string, pluginId: string) {
  const row = await requireInstallation(tx, tenantId, pluginId);
  const v = await loadVersion(tx, pluginId, row.version);
  const set = new Map(
    (await listPluginSecretNames(tx, { tenantId, pluginId })).map((s) => [s.name, s.updatedAt]),
  );
  return {
    pluginId,
    version: row.version,
    settings: row.settings,
    form: v.manifest.settingsForm,
    secrets: (v.manifest.capabilities.secrets ?? []).map((name) => ({
      name,
      updatedAt: set.get(name) ?? null,
    })),
  };
}

/** Replaces the settings after validating them against the installed version's schema. */
export async function updatePluginSettings(
  db: AppDatabase,
  input: { tenantId: string; actor: Actor; pluginId: string; settings: unknown },
): Promise<{ settings: Record<string, unknown> }> {
  assertPluginAction(input.actor, "plugins.configure");
  return db.withTenant(
    input.tenantId,
    async (tx) => {
      const row = await requireInstallation(tx, input.tenantId, input.pluginId);
      const v = await loadVersion(tx, input.pluginId, row.version);
      const settings = validatePluginSettings(v.manifest, input.settings);
      await tx
        .update(pluginInstallations)
        .set({ settings, updatedAt: new Date() })
        .where(installationKey(input.tenantId, input.pluginId));
      return { settings };
    },
    { userId: input.actor.userId },
  );
}

/** Stores a secret the installed version declares; the value is write-only from here on. */
export async function setPluginSecret(
  db: AppDatabase,
  input: {
    tenantId: string;
    actor: Actor;
    pluginId: string;
    name: string;
    value: string;
    omnifySecret: string;
  },
): Promise<{ name: string; updatedAt: Date }> {
  assertPluginAction(input.actor, "plugins.configure");
  if (!input.value) throw new DomainError("BAD_INPUT", "Enter a value", "value");
  return db.withTenant(
    input.tenantId,
    async (tx) => {
      const row = await requireInstallation(tx, input.tenantId, input.pluginId);
      const v = await loadVersion(tx, input.pluginId, row.version);
      if (!(v.manifest.capabilities.secrets ?? []).includes(input.name))
        throw new DomainError(
          "BAD_INPUT",
          `${input.pluginId} declares no secret '${input.name}'`,
          "name",
        );
      return writePluginSecret(tx, input, input.omnifySecret);
    },
    { userId: input.actor.userId },
  );
}
