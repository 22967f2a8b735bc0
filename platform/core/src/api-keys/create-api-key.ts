import { apiKeys, ne, pluginInstallations, type Tx } from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
import { generateSecretToken, hashSecretToken } from "../auth/secret-token";
import { badInput } from "../errors";
import { generateKeyPrefix } from "./key-format";
import { CORE_SCOPE_MODULES, parseScopes } from "./scopes";

export const MAX_API_KEY_DAYS = 365;

export type CreateApiKeyInput = {
  tenantId: string;
  actorUserId: string | null;
  name: string;
  scopes: readonly string[];
  expiresInDays: number;
  request?: RequestMeta | null;
};

export type CreatedApiKey = {
  id: string;
  name: string;
  prefix: string;
  /** `<prefix>_<secret>`: returned once, never stored. */
  key: string;
  scopes: string[];
  expiresAt: Date;
};

/** Modules a key of this tenant may be scoped to: the core ones plus installed plugins. */
export async function scopeModules(tx: Tx): Promise<string[]> {
  const rows = await tx
    .select({ pluginId: pluginInstallations.pluginId })
    .from(pluginInstallations)
    .where(ne(pluginInstallations.status, "uninstalled"));
  return [...CORE_SCOPE_MODULES, ...rows.map((r) => r.pluginId)];
}

/** Creates a key in the transaction's tenant; validation fails before anything is written. */
export async function createApiKey(
  tx: Tx,
  input: CreateApiKeyInput,
  now = new Date(),
): Promise<CreatedApiKey> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 100) {
    throw badInput("name", "Give the key a name of 1 to 100 characters");
  }
  const days = input.expiresInDays;
  if (!Number.isInteger(days) || days < 1 || days > MAX_API_KEY_DAYS) {
    throw badInput("expiresInDays", `Expiry must be 1 to ${MAX_API_KEY_DAYS} days`);
  }
  const scopes = parseScopes(input.scopes, await scopeModules(tx));
  const prefix = generateKeyPrefix();
  const secret = generateSecretToken();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const [row] = await tx
    .insert(apiKeys)
    .values({
      tenantId: input.tenantId,
      name,
      prefix,
      secretHash: hashSecretToken(secret),
      scopes,
      createdBy: input.actorUserId,
      createdAt: now,
      expiresAt,
    })
    .returning({ id: apiKeys.id });
  if (!row) throw new Error("api key insert returned no row");
  await recordAudit(tx, {
    action: "apiKey.created",
    actor: { userId: input.actorUserId },
    target: { type: "api_key", id: row.id },
    request: input.request,
    metadata: { name, prefix, scopes, expiresAt: expiresAt.toISOString() },
  });
  return { id: row.id, name, prefix, key: `${prefix}_${secret}`, scopes, expiresAt };
}
