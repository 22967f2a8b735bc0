import { createHash } from "node:crypto";
import type postgres from "postgres";
import { deriveFromHostSecret } from "./names";

/**
 * The token the plugin host passes to `app.enter_tenant`. Derived from the host secret, so
 * every host process computes the same one and the database stores only its hash.
 */
export function pluginHostToken(hostSecret: string): string {
  return deriveFromHostSecret(hostSecret, "plugin-host-token").toString("base64url");
}

/**
 * Writes the signing key and the host token's hash into `app_private.plugin_context_key`.
 * Idempotent: the same secret leaves the row untouched; a new secret rotates both, after
 * which transactions signed under the old key see no tenant. Run as the migrator (admin).
 */
export async function ensurePluginContextKey(
  admin: postgres.Sql,
  hostSecret: string,
): Promise<{ hostToken: string; changed: boolean }> {
  const hostToken = pluginHostToken(hostSecret);
  const key = deriveFromHostSecret(hostSecret, "plugin-context-key");
  const tokenHash = createHash("sha256").update(hostToken, "utf8").digest();
  const rows = await admin`
    insert into app_private.plugin_context_key (id, hmac_key, host_token_hash)
    values (1, ${key}, ${tokenHash})
    on conflict (id) do update
      set hmac_key = excluded.hmac_key, host_token_hash = excluded.host_token_hash, rotated_at = now()
      where plugin_context_key.hmac_key <> excluded.hmac_key
         or plugin_context_key.host_token_hash <> excluded.host_token_hash
    returning 1`;
  return { hostToken, changed: rows.length > 0 };
}
