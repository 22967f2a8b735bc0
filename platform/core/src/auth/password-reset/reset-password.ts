import {
  type AppDatabase,
  actAsUser,
  and,
  authSessions,
  eq,
  isNull,
  passwordResetTokens,
  sql,
  users,
  withinTenant,
} from "@omnify/db";
import { badInput } from "../../errors";
import type { ResolvedTenant } from "../../tenancy/resolved-tenant";
import { hashPassword, MIN_PASSWORD_LENGTH } from "../password";
import { hashSecretToken, isWellFormedToken } from "../secret-token";

const EXPIRED = "This reset link has expired or was already used. Ask for a new one.";

/**
 * Sets a new password from a reset link, once: the token is spent, and every session the
 * user has on any tenant is revoked (whoever knew the old password is signed out). All in
 * one transaction, so a failure changes nothing. Returns the user id.
 */
export async function resetPassword(
  db: AppDatabase,
  input: { tenant: ResolvedTenant; token: string; password: string },
  now = new Date(),
): Promise<{ userId: string }> {
  if (!isWellFormedToken(input.token)) throw badInput("token", EXPIRED);
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw badInput("password", `Use at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (input.password.length > 1024) throw badInput("password", "That password is too long");
  const passwordHash = await hashPassword(input.password);

  return db.withTenant(input.tenant.id, async (tx) => {
    const [row] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashSecretToken(input.token)),
          isNull(passwordResetTokens.usedAt),
          sql`${passwordResetTokens.expiresAt} > ${now.toISOString()}::timestamptz`,
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!row) throw badInput("token", EXPIRED);

    await actAsUser(tx, row.userId);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId));

    // Sessions are tenant rows; visit each tenant inside this transaction to end them all.
    const tenants = await tx.execute<{ id: string }>(sql`select id from app.tenant_ids()`);
    for (const t of tenants) {
      await withinTenant(tx, t.id, () =>
        tx
          .update(authSessions)
          .set({ revokedAt: now })
          .where(and(eq(authSessions.userId, row.userId), isNull(authSessions.revokedAt))),
      );
    }
    return { userId: row.userId };
  });
}
