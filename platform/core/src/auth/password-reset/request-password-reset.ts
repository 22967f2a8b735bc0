import {
  type AppDatabase,
  actAsUser,
  and,
  eq,
  gt,
  isNull,
  passwordResetTokens,
  sql,
} from "@omnify/db";
import type { CoreConfig } from "../../env";
import type { Mailer } from "../../mail/mailer";
import { tenantMail } from "../../mail/sender-identity";
import type { ResolvedTenant } from "../../tenancy/resolved-tenant";
import { effectiveRoleInTransaction } from "../effective-role";
import { generateSecretToken, hashSecretToken } from "../secret-token";
import { passwordResetMail } from "./reset-mail";

export const PASSWORD_RESET_TTL_MS = 30 * 60_000;
/** One mail per account per minute is plenty for a person and useless for mail-bombing. */
const RESEND_AFTER_MS = 60_000;

export type RequestPasswordResetInput = {
  tenant: ResolvedTenant;
  email: string;
  mailer: Mailer;
  config: Pick<CoreConfig, "mailFrom">;
};

/**
 * Mails a single-use, 30-minute reset link when `email` belongs to someone with access to
 * this tenant, and quietly does nothing otherwise, so the answer never reveals who has an
 * account. The link is built from the resolved tenant's origin, never from request headers.
 */
export async function requestPasswordReset(
  db: AppDatabase,
  input: RequestPasswordResetInput,
  now = new Date(),
): Promise<void> {
  const email = input.email.trim();
  if (email.length === 0 || email.length > 320) return;
  const { tenant } = input;
  await db.withTenant(tenant.id, async (tx) => {
    const [user] = await tx.execute<{ id: string }>(
      sql`select id from app.user_for_login(${email})`,
    );
    if (!user) return;
    await actAsUser(tx, user.id);
    if (!(await effectiveRoleInTransaction(tx, tenant, user.id))) return;

    const live = and(
      eq(passwordResetTokens.userId, user.id),
      isNull(passwordResetTokens.usedAt),
      gt(passwordResetTokens.expiresAt, now),
    );
    const [recent] = await tx
      .select({ createdAt: passwordResetTokens.createdAt })
      .from(passwordResetTokens)
      .where(
        and(live, gt(passwordResetTokens.createdAt, new Date(now.getTime() - RESEND_AFTER_MS))),
      );
    if (recent) return;
    // A new link replaces older ones, so only the latest mail works.
    await tx.update(passwordResetTokens).set({ usedAt: now }).where(live);

    const token = generateSecretToken();
    const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    await tx.insert(passwordResetTokens).values({
      tokenHash: hashSecretToken(token),
      tenantId: tenant.id,
      userId: user.id,
      expiresAt,
      createdAt: now,
    });
    const { brand, sender } = await tenantMail(tx, tenant, input.config);
    const mail = passwordResetMail({
      to: email,
      brand,
      tenantName: tenant.name,
      resetUrl: `${tenant.origin}/reset-password/${token}`,
      expiresAt,
    });
    // Sent inside the transaction: if the mail fails, no token is left behind.
    await input.mailer.send({ ...mail, ...sender });
  });
}
