/**
 * Tenant tables that an export leaves out, and why. Everything else with a `tenant_id`
 * column is exported, found in the catalog, so a table added later is included by default.
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  auth_sessions: "sign-in sessions are bound to the old sub-account and its cookies",
  handoff_tokens: "one-time sign-in tokens expire within a minute",
  export_jobs: "the export and import bookkeeping itself",
  api_keys: "a key's hash would authenticate against the new sub-account; issue new keys",
  device_pairings: "pairing codes are short-lived",
  devices: "screens hold a token for the old sub-account; pair them again",
  rate_limit_buckets: "counters, not data",
  realtime_events: "live notifications, kept ten minutes for the realtime gateway",
  brand_assets: "the white-label brand belongs to the agency; sub-accounts inherit it",
  login_attempts: "throttle counters, not data",
  password_reset_tokens: "one-time tokens",
  plugin_secrets:
    "ciphertexts are bound to the tenant id (AEAD associated data) and cannot be opened elsewhere; enter secrets again",
};

/**
 * Tables that are exported (they are the sub-account's record) but not written back on
 * import, and why.
 */
export const NOT_IMPORTED: Readonly<Record<string, string>> = {
  audit_log: "the audit log is append-only history of the old sub-account, not to be rewritten",
  plugin_events: "the outbox would deliver old events to plugins a second time",
  tenant_domains: "hostnames are unique platform-wide and must be verified again",
  billing_customers: "the new sub-account gets its own payment-provider customer",
  subscriptions: "subscriptions live with the payment provider, per customer",
  feature_overrides: "platform-admin overrides belong to the old sub-account",
};

/**
 * Rows a fresh sub-account may already have (the admin's membership, plugins and settings
 * from the tenants config): kept as they are, and archive rows that collide are skipped.
 */
export const MERGED_ON_IMPORT: ReadonlySet<string> = new Set([
  "memberships",
  "plugin_installations",
  "tenant_security_settings",
]);

/** Columns holding secrets' hashes: regenerated on import, so old links stay dead. */
export const REGENERATED_ON_IMPORT: Readonly<Record<string, readonly string[]>> = {
  invitations: ["token_hash"],
};

/** A sub-account is fresh (importable) when every other tenant table is empty. */
export function countsForEmptiness(table: string): boolean {
  return !(table in NOT_EXPORTED || table in NOT_IMPORTED || MERGED_ON_IMPORT.has(table));
}
