import { eq, mfaRecoveryCodes, type Tx, userMfa } from "@omnify/db";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI } from "@oslojs/otp";
import QRCode from "qrcode";
import { badInput, DomainError } from "../../errors";
import { generateRecoveryCodes, hashRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";
import { newTotpKey, openTotpKey, sealTotpKey } from "./secret-box";
import { matchTotpStep, TOTP_DIGITS, TOTP_PERIOD_SECONDS } from "./totp";

export type MfaEnrolment = { secret: string; uri: string; qrSvg: string };

/**
 * Starts (or restarts) TOTP enrolment: a new secret, stored encrypted and not yet enabled.
 * `tx` must act as the user (`app.user_id`). Refuses while MFA is already on, so a stolen
 * session cannot silently swap the authenticator.
 */
export async function beginMfaEnrolment(
  tx: Tx,
  input: { userId: string; email: string; issuer: string },
  omnifySecret: string,
): Promise<MfaEnrolment> {
  const [existing] = await tx
    .select({ enabledAt: userMfa.enabledAt })
    .from(userMfa)
    .where(eq(userMfa.userId, input.userId));
  if (existing?.enabledAt) {
    throw new DomainError("CONFLICT", "Two-factor authentication is already on", "code");
  }
  const key = newTotpKey();
  const sealed = sealTotpKey(omnifySecret, input.userId, key);
  const values = {
    secretCiphertext: sealed.ciphertext,
    secretIv: sealed.iv,
    secretTag: sealed.tag,
  };
  await tx
    .insert(userMfa)
    .values({ userId: input.userId, ...values })
    .onConflictDoUpdate({ target: userMfa.userId, set: { ...values, lastUsedStep: null } });
  // Authenticator apps show the issuer as the account's label: the tenant's brand.
  const issuer = input.issuer.replace(/:/g, "").trim() || "Omnify";
  const uri = createTOTPKeyURI(issuer, input.email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
  const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret: encodeBase32UpperCaseNoPadding(key), uri, qrSvg };
}

/**
 * Turns a pending enrolment on when `code` is valid for its secret, and returns ten fresh
 * recovery codes: the only time they are ever readable.
 */
export async function confirmMfaEnrolment(
  tx: Tx,
  input: { userId: string; code: string },
  omnifySecret: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] }> {
  const [row] = await tx
    .select()
    .from(userMfa)
    .where(eq(userMfa.userId, input.userId))
    .for("update");
  if (!row) throw badInput("code", "Start the set-up first");
  if (row.enabledAt)
    throw new DomainError("CONFLICT", "Two-factor authentication is already on", "code");
  const key = openTotpKey(omnifySecret, input.userId, {
    ciphertext: row.secretCiphertext,
    iv: row.secretIv,
    tag: row.secretTag,
  });
  const step = matchTotpStep(key, input.code, now);
  if (step === null)
    throw badInput("code", "That code is not valid. Check the time on your device and try again");
  await tx
    .update(userMfa)
    .set({ enabledAt: now, lastUsedStep: step })
    .where(eq(userMfa.userId, input.userId));
  return { recoveryCodes: await replaceRecoveryCodes(tx, input.userId) };
}

/** Discards every recovery code and issues ten new ones (shown once). */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  const codes = generateRecoveryCodes();
  await tx.insert(mfaRecoveryCodes).values(
    codes.map((code) => ({
      userId,
      codeHash: hashRecoveryCode(normaliseRecoveryCode(code) ?? code),
    })),
  );
  return codes;
}

/** Turns MFA off for the user: secret and recovery codes are deleted. */
export async function disableMfa(tx: Tx, userId: string): Promise<void> {
  await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
  await tx.delete(userMfa).where(eq(userMfa.userId, userId));
}
