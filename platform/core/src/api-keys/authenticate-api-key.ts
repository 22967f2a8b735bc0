import { type AppDatabase, and, apiKeys, eq, isNull, lt, or, sql, type Tx } from "@omnify/db";
import { DomainError } from "../errors";
import { secretMatchesHash } from "./hash-matches";
import { parseApiKey } from "./key-format";

export type ApiKeyPrincipal = {
  keyId: string;
  tenantId: string;
  scopes: string[];
  /** Slugs of the key's tenant and its agency, to build the tenant's canonical host. */
  tenantSlug: string;
  agencySlug: string;
};

type KeyRow = {
  id: string;
  tenant_id: string;
  secret_hash: string;
  scopes: string[];
  expires_at: Date | string;
  revoked_at: Date | string | null;
  tenant_slug: string;
  agency_slug: string;
};

const refused = (message: string) => new DomainError("UNAUTHORIZED", message, "authorization");

/**
 * Resolves `Authorization: Bearer <key>` to its tenant and scopes, or throws UNAUTHORIZED.
 * The row is found by its public prefix through a definer function (no tenant is known
 * yet); the secret's hash is compared in constant time.
 */
export async function authenticateApiKey(
  db: AppDatabase,
  rawKey: string,
  now = new Date(),
): Promise<ApiKeyPrincipal> {
  const parsed = parseApiKey(rawKey);
  if (!parsed) throw refused("Malformed API key");
  const rows = await db.withoutTenant((tx) =>
    tx.execute<KeyRow>(sql`select * from app.api_key_for_prefix(${parsed.prefix})`),
  );
  const row = rows[0];
  if (!row || !secretMatchesHash(parsed.secret, row.secret_hash)) {
    throw refused("Unknown API key");
  }
  if (row.revoked_at) throw refused("This API key was revoked");
  if (new Date(row.expires_at) <= now) throw refused("This API key has expired");
  return {
    keyId: row.id,
    tenantId: row.tenant_id,
    scopes: row.scopes,
    tenantSlug: row.tenant_slug,
    agencySlug: row.agency_slug,
  };
}

/** Records use at most once a minute, so a busy key does not rewrite its row per request. */
export async function touchApiKey(tx: Tx, keyId: string, now = new Date()): Promise<void> {
  await tx
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(
      and(
        eq(apiKeys.id, keyId),
        or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000))),
      ),
    );
}
