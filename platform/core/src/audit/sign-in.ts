import type { AppDatabase } from "@omnify/db";
import { type RequestMeta, recordAudit } from "./record";

export type SignInAttempt = {
  tenantId: string;
  method: "password" | "handoff" | "oauth";
  /** The user signed in, or null when the attempt failed. */
  userId: string | null;
  /** What the person typed; a failed attempt has no user, so this labels the record. */
  email?: string | null;
  request?: RequestMeta | null;
  /** Why a failure failed (invalid, mfa_invalid, throttled…), kept in metadata. */
  reason?: string;
};

/**
 * Records a sign-in success or failure in the tenant whose host it happened on. It has a
 * transaction of its own: a failure writes nothing else, and the session row of a success
 * is created later by next-auth's jwt callback.
 */
export async function recordSignIn(db: AppDatabase, attempt: SignInAttempt): Promise<void> {
  const ok = attempt.userId !== null;
  const label = attempt.email?.trim().toLowerCase() || (ok ? null : `(${attempt.method})`);
  await db.withTenant(
    attempt.tenantId,
    (tx) =>
      recordAudit(tx, {
        action: ok ? "auth.signin.succeeded" : "auth.signin.failed",
        actor: { userId: attempt.userId, label },
        request: attempt.request ?? null,
        metadata: attempt.reason
          ? { method: attempt.method, reason: attempt.reason }
          : { method: attempt.method },
      }),
    { userId: attempt.userId },
  );
}
