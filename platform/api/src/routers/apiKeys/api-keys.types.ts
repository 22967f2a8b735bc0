import { z } from "zod";

export const ZApiKeySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.date(),
  expiresAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export const ZFindApiKeysOutput = z.object({
  keys: z.array(ZApiKeySummary),
  /** Modules a new key may be scoped to (core modules plus installed plugins). */
  modules: z.array(z.string()),
});

// Scopes stay plain strings here: core validates them and names the bad one.
export const ZCreateApiKeyInput = z.object({
  name: z.string().max(200),
  scopes: z.array(z.string().max(100)).max(50),
  expiresInDays: z.number().int(),
});
export const ZCreateApiKeyOutput = ZApiKeySummary.pick({
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
}).extend({ key: z.string() });

export const ZRevokeApiKeyInput = z.object({ id: z.uuid() });
export const ZRevokeApiKeyOutput = z.object({ prefix: z.string() });
