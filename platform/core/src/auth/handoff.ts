import { type AppDatabase, and, eq, gt, handoffTokens, isNull, withinTenant } from "@omnify/db";
import { type AuditEntry, recordAudit } from "../audit/record";
import { generateSecretToken, hashSecretToken, isWellFormedToken } from "./secret-token";

export const HANDOFF_TTL_MS = 60_000;

/**
 * A one-time token that signs `userId` in on the target tenant's host, since host-only
 * cookies cannot follow the user there. Lives 60 s; only its hash is stored.
 */
export async function createHandoffToken(
  db: AppDatabase,
  input: {
    targetTenantId: string;
    userId: string;
    /** Recorded in `audit.tenantId`'s log in the same transaction as the token. */
    audit?: { tenantId: string; entry: AuditEntry };
  },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSecretToken();
  const expiresAt = new Date(now.getTime() + HANDOFF_TTL_MS);
  const audit = input.audit;
  await db.withTenant(
    input.targetTenantId,
    async (tx) => {
      await tx.insert(handoffTokens).values({
        tokenHash: hashSecretToken(token),
        tenantId: input.targetTenantId,
        userId: input.userId,
        expiresAt,
      });
      if (audit) await withinTenant(tx, audit.tenantId, () => recordAudit(tx, audit.entry));
    },
    { userId: input.userId },
  );
  return { token, expiresAt };
}

/**
 * The user id the token was issued for, or null when it is unknown, expired, already used
 * or meant for another tenant. One UPDATE marks it used, so two racing requests cannot
 * both succeed.
 */
export async function consumeHandoffToken(
  db: AppDatabase,
  tenantId: string,
  token: string | null | undefined,
  now = new Date(),
): Promise<string | null> {
  if (!isWellFormedToken(token)) return null;
  const rows = await db.withTenant(tenantId, (tx) =>
    tx
      .update(handoffTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(handoffTokens.tokenHash, hashSecretToken(token)),
          isNull(handoffTokens.usedAt),
          gt(handoffTokens.expiresAt, now),
        ),
      )
      .returning({ userId: handoffTokens.userId }),
  );
  return rows[0]?.userId ?? null;
}
