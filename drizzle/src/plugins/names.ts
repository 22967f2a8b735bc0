import { createHash, createHmac } from "node:crypto";

/** The same grammar as the SDK's manifest `id` (lowercase slug, at most 64 characters). */
const PLUGIN_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** Leaves room for `plugin_` and `_migrate` inside PostgreSQL's 63-byte identifiers. */
const MAX_BASE = 40;

export type PluginNames = {
  pluginId: string;
  schema: string;
  migrationRole: string;
  runtimeRole: string;
};

/**
 * Database names for a plugin. Slugs have no `_`, so mapping `-` to `_` cannot make two ids
 * collide; ids too long for an identifier keep a prefix plus a hash of the whole id.
 */
export function pluginNames(pluginId: string): PluginNames {
  if (pluginId.length > 64 || !PLUGIN_ID.test(pluginId)) {
    throw new Error(
      `plugin id must be a lowercase slug like 'my-plugin', got ${JSON.stringify(pluginId)}`,
    );
  }
  let base = pluginId.replaceAll("-", "_");
  if (base.length > MAX_BASE) {
    const digest = createHash("sha256").update(pluginId).digest("hex").slice(0, 8);
    base = `${base.slice(0, MAX_BASE - 9)}_${digest}`;
  }
  return {
    pluginId,
    schema: `plugin_${base}`,
    migrationRole: `plugin_${base}_migrate`,
    runtimeRole: `plugin_${base}_runtime`,
  };
}

/** HMAC of the host secret under a purpose label: one secret, many independent values. */
export function deriveFromHostSecret(hostSecret: string, purpose: string): Buffer {
  if (hostSecret.length < 16) throw new Error("hostSecret must be at least 16 characters");
  return createHmac("sha256", hostSecret).update(`omnify:${purpose}`).digest();
}

/** A plugin role's password: derived on demand, so it is never stored anywhere. */
export function pluginRolePassword(hostSecret: string, role: string): string {
  return deriveFromHostSecret(hostSecret, `plugin-role-password:${role}`).toString("base64url");
}
