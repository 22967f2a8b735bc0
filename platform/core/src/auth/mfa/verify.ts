import { and, count, eq, isNull, mfaRecoveryCodes, type Tx, userMfa } from "@omnify/db";
import { hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";
import { openTotpKey } from "./secret-box";
import { matchTotpStep } from "./totp";

export type MfaStatus = { enabled: boolean; pending: boolean; recoveryCodesLeft: number };

/** Whether the user has MFA on (and how many recovery codes remain). `tx` acts as the user. */
export async function getMfaStatus(tx: Tx, userId: string): Promise<MfaStatus> {
  const [row] = await tx
    .select({ enabledAt: userMfa.enabledAt })
    .from(userMfa)
    .where(eq(userMfa.userId, userId));
  const [left] = await tx
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return {
    enabled: Boolean(row?.enabledAt),
    pending: Boolean(row && !row.enabledAt),
    recoveryCodesLeft: row?.enabledAt ? (left?.n ?? 0) : 0,
  };
}

/**
 * Checks a second factor: a TOTP code or a recovery code. A TOTP code is accepted only for
 * a time step later than the last one accepted (the row is locked while checking, so two
 * concurrent requests cannot both spend the same code); a recovery code is spent on use.
 * Returns which kind matched, or null. `tx` must act as the user.
 */
export async function verifySecondFactor(
  tx: Tx,
  input: { userId: string; code: string },
  omnifySecret: string,
  now = new Date(),
): Promise<"totp" | "recovery" | null> {
  const [row] = await tx
    .select()
    .from(userMfa)
    .where(eq(userMfa.userId, input.userId))
    .for("update");
  if (!row?.enabledAt) return null;

  const recovery = normaliseRecoveryCode(input.code);
  if (recovery) {
    const spent = await tx
      .update(mfaRecoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(mfaRecoveryCodes.userId, input.userId),
          eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(recovery)),
          isNull(mfaRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: mfaRecoveryCodes.id });
    return spent.length > 0 ? "recovery" : null;
  }

  const key = openTotpKey(omnifySecret, input.userId, {
    ciphertext: row.secretCiphertext,
    iv: row.secretIv,
    tag: row.secretTag,
  });
  const step = matchTotpStep(key, input.code, now);
  if (step === null || (row.lastUsedStep !== null && step <= row.lastUsedStep)) return null;
  await tx.update(userMfa).set({ lastUsedStep: step }).where(eq(userMfa.userId, input.userId));
  return "totp";
}
