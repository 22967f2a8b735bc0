import { type AppDatabase, and, authSessions, eq, sql, type Tx } from "@omnify/db";
import { badInput, DomainError } from "../../errors";
import { verifySecondFactor } from "../mfa/verify";
import { verifyPassword } from "../password";
import { hashSecretToken, isWellFormedToken } from "../secret-token";
import {
  recordLoginFailure,
  secondsUntilUnlocked,
  throttleKeys,
  tooManyAttemptsMessage,
} from "../throttle/login-throttle";

/** How long a password or TOTP confirmation unlocks sensitive actions (GitHub's "sudo mode"). */
export const STEP_UP_MAX_AGE_MS = 10 * 60_000;

/** Whether a session confirmed the user's identity within the step-up window. */
export function isRecentlyAuthenticated(
  session: { reauthenticatedAt?: Date | null },
  now = new Date(),
  maxAgeMs = STEP_UP_MAX_AGE_MS,
): boolean {
  const at = session.reauthenticatedAt?.getTime();
  return at !== undefined && now.getTime() - at <= maxAgeMs && at <= now.getTime() + 60_000;
}

export type ReauthenticateInput = {
  userId: string;
  email: string;
  sessionId: string;
  password?: string | null;
  code?: string | null;
  ip?: string | null;
};

/**
 * Confirms the signed-in user again (password, or a TOTP/recovery code when MFA is on) and
 * stamps the session's `reauthenticated_at`. `tx` is the caller's tenant transaction acting
 * as the user; failures are counted by the sign-in throttle in their own transaction, so they
 * stick even though the caller's transaction rolls back.
 */
export async function reauthenticate(
  db: AppDatabase,
  tx: Tx,
  input: ReauthenticateInput,
  omnifySecret: string,
  now = new Date(),
): Promise<{ reauthenticatedAt: Date }> {
  const keys = throttleKeys(input.email, input.ip);
  const wait = await secondsUntilUnlocked(db, keys, now);
  if (wait > 0) throw new DomainError("RATE_LIMITED", tooManyAttemptsMessage(wait));

  let ok = false;
  const field = input.code ? "code" : "password";
  if (input.code) {
    ok =
      (await verifySecondFactor(
        tx,
        { userId: input.userId, code: input.code },
        omnifySecret,
        now,
      )) !== null;
  } else if (input.password) {
    const [row] = await tx.execute<{ id: string; password_hash: string | null }>(
      sql`select id, password_hash from app.user_for_login(${input.email})`,
    );
    ok =
      row?.id === input.userId &&
      !!row.password_hash &&
      (await verifyPassword(row.password_hash, input.password));
  } else {
    throw badInput("password", "Enter your password or an authenticator code");
  }
  if (!ok) {
    await recordLoginFailure(db, keys, now);
    throw badInput(
      field,
      field === "code" ? "That code is not valid" : "That password is not correct",
    );
  }
  await tx
    .update(authSessions)
    .set({ reauthenticatedAt: now })
    .where(and(eq(authSessions.id, input.sessionId), eq(authSessions.userId, input.userId)));
  return { reauthenticatedAt: now };
}

/** Sign-in with a password is itself a fresh confirmation: stamps the new session. */
export async function markSessionReauthenticated(
  db: AppDatabase,
  tenantId: string,
  token: string,
  now = new Date(),
): Promise<void> {
  if (!isWellFormedToken(token)) return;
  await db.withTenant(tenantId, (tx) =>
    tx
      .update(authSessions)
      .set({ reauthenticatedAt: now })
      .where(eq(authSessions.id, hashSecretToken(token))),
  );
}
