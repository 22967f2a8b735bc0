import { type AppDatabase, inArray, loginAttempts, sql, type Tx } from "@omnify/db";
import { hashSecretToken } from "../secret-token";

/**
 * Escalating lockout for sign-in, per account and per client IP. After a key's free
 * failures, each further failure locks it for 1, 2, 4 … seconds, capped at 300. The
 * account key counts attempts on an e-mail whether or not the account exists, so being
 * locked out reveals nothing about who has one. IP keys get more free failures because
 * many people can share one address (offices, carrier NAT).
 */
export const MAX_LOCK_SECONDS = 300;
const FREE_FAILURES = { email: 3, ip: 20 } as const;
/** A key with no failure for this long starts again from zero. */
const FORGET_AFTER_MS = 60 * 60_000;

type Kind = keyof typeof FREE_FAILURES;
export type ThrottleKey = { kind: Kind; key: string };

/** Only a hash of the address is stored; the kind prefix keeps e-mails and IPs apart. */
export function throttleKeys(email: string, ip: string | null | undefined): ThrottleKey[] {
  const keys: ThrottleKey[] = [
    { kind: "email", key: hashSecretToken(`email:${email.trim().toLowerCase()}`) },
  ];
  if (ip) keys.push({ kind: "ip", key: hashSecretToken(`ip:${ip.trim().toLowerCase()}`) });
  return keys;
}

/** The lock a key earns with `failures` failures (0 while still free). */
export function lockSecondsFor(kind: Kind, failures: number): number {
  const over = failures - FREE_FAILURES[kind];
  if (over <= 0) return 0;
  return Math.min(2 ** (over - 1), MAX_LOCK_SECONDS);
}

/** Seconds until these keys may try again, or 0 when none is locked. */
export async function secondsUntilUnlocked(
  db: AppDatabase,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<number> {
  const rows = await db.withoutTenant((tx) =>
    tx
      .select({ lockedUntil: loginAttempts.lockedUntil })
      .from(loginAttempts)
      .where(
        inArray(
          loginAttempts.key,
          keys.map((k) => k.key),
        ),
      ),
  );
  const waits = rows.map((r) => (r.lockedUntil ? r.lockedUntil.getTime() - now.getTime() : 0));
  return Math.max(0, ...waits.map((ms) => Math.ceil(ms / 1000)));
}

/** Counts one failed attempt against every key (atomically, so parallel guesses all count). */
export async function recordLoginFailure(
  db: AppDatabase,
  keys: ThrottleKey[],
  now = new Date(),
): Promise<void> {
  await db.withoutTenant(async (tx) => {
    for (const k of keys) await recordOne(tx, k, now);
  });
}

async function recordOne(tx: Tx, k: ThrottleKey, now: Date): Promise<void> {
  const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
  const [row] = await tx
    .insert(loginAttempts)
    .values({ key: k.key, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${loginAttempts.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ failures: loginAttempts.failures });
  const seconds = lockSecondsFor(k.kind, row?.failures ?? 1);
  if (seconds > 0) {
    await tx
      .update(loginAttempts)
      .set({ lockedUntil: new Date(now.getTime() + seconds * 1000) })
      .where(inArray(loginAttempts.key, [k.key]));
  }
}

/**
 * A successful sign-in clears the account's counter. The IP's is left to expire, so an
 * attacker cannot reset it by signing in to an account of their own between guesses.
 */
export async function clearLoginFailures(db: AppDatabase, email: string): Promise<void> {
  const [emailKey] = throttleKeys(email, null);
  if (!emailKey) return;
  await db.withoutTenant((tx) =>
    tx.delete(loginAttempts).where(inArray(loginAttempts.key, [emailKey.key])),
  );
}

/** The message sign-in shows while locked; it never says which key tripped. */
export const tooManyAttemptsMessage = (seconds: number) =>
  `Too many attempts, try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
