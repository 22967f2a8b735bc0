import { type AppDatabase, and, authSessions, eq, gt, isNull, sql, type Tx } from "@omnify/db";
import { type AccessFacts, readContextFacts } from "../access/request-context-facts";
import type { AuthenticatedUser } from "./authenticate";
import { generateSecretToken, hashSecretToken, isWellFormedToken } from "./secret-token";

const DAY_MS = 86_400_000;
export const SESSION_TTL_MS = 30 * DAY_MS;
/** Below this much remaining life, a used session is pushed back out to the full TTL. */
export const SESSION_RENEW_BELOW_MS = 15 * DAY_MS;
const LAST_SEEN_RESOLUTION_MS = 60_000;

export type ValidatedSession = {
  sessionId: string;
  userId: string;
  user: AuthenticatedUser;
  expiresAt: Date;
  /** Last password/TOTP confirmation on this session (step-up); null if never. */
  reauthenticatedAt: Date | null;
};

/** Starts a session; only the SHA-256 of the returned token is stored. */
export async function createAuthSession(
  db: AppDatabase,
  input: { tenantId: string; userId: string; ip?: string | null; userAgent?: string | null },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSecretToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.withTenant(input.tenantId, (tx) =>
    tx.insert(authSessions).values({
      id: hashSecretToken(token),
      tenantId: input.tenantId,
      userId: input.userId,
      ip: input.ip || null,
      userAgent: input.userAgent?.slice(0, 512) || null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    }),
  );
  return { token, expiresAt };
}

/**
 * The session and its user when the token is live in this tenant; null when unknown,
 * revoked, expired or issued by another tenant. Renews sessions past half their life.
 */
export async function validateAuthSession(
  db: AppDatabase,
  tenantId: string,
  token: string | null | undefined,
  now = new Date(),
): Promise<ValidatedSession | null> {
  if (!isWellFormedToken(token)) return null;
  return db.withTenant(tenantId, (tx) => validateSessionInTransaction(tx, token, now));
}

/**
 * validateAuthSession inside a transaction the caller already opened for the host's tenant,
 * so a request can check its session, its role and run its procedure in one transaction.
 * On success the transaction acts as the session's user (`app.user_id`).
 */
export async function validateSessionInTransaction(
  tx: Tx,
  token: string | null | undefined,
  now = new Date(),
): Promise<ValidatedSession | null> {
  if (!isWellFormedToken(token)) return null;
  const sessionId = hashSecretToken(token);
  const facts = await readContextFacts(tx, { sessionId }, now);
  return facts ? sessionFromFacts(tx, sessionId, facts, now) : null;
}

/**
 * The validated session from `app.request_context()`'s facts. Renews a session past half
 * its life and notes when it was last used (at most once a minute: the only extra write).
 */
export async function sessionFromFacts(
  tx: Tx,
  sessionId: string,
  facts: AccessFacts,
  now: Date,
): Promise<ValidatedSession | null> {
  if (!facts.session) return null;
  let expiresAt = new Date(facts.session.expiresAt);
  const lastSeenAt = new Date(facts.session.lastSeenAt);
  const renew = expiresAt.getTime() - now.getTime() < SESSION_RENEW_BELOW_MS;
  const touch = now.getTime() - lastSeenAt.getTime() >= LAST_SEEN_RESOLUTION_MS;
  if (renew || touch) {
    if (renew) expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await tx
      .update(authSessions)
      .set({ lastSeenAt: now, expiresAt })
      .where(eq(authSessions.id, sessionId));
  }
  const reauthenticatedAt = facts.session.reauthenticatedAt;
  return {
    sessionId,
    userId: facts.user.id,
    user: facts.user,
    expiresAt,
    reauthenticatedAt: reauthenticatedAt ? new Date(reauthenticatedAt) : null,
  };
}

/** Revokes one session by its token. Returns whether a live session was revoked. */
export async function revokeAuthSession(
  db: AppDatabase,
  tenantId: string,
  token: string,
  now = new Date(),
): Promise<boolean> {
  if (!isWellFormedToken(token)) return false;
  return revokeAuthSessionById(db, tenantId, hashSecretToken(token), now);
}

/** Revokes one session by its stored id (as listed by listAuthSessions). */
export async function revokeAuthSessionById(
  db: AppDatabase,
  tenantId: string,
  sessionId: string,
  now = new Date(),
): Promise<boolean> {
  const rows = await db.withTenant(tenantId, (tx) =>
    tx
      .update(authSessions)
      .set({ revokedAt: now })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id }),
  );
  return rows.length > 0;
}

export type SessionSummary = {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

/** A user's live sessions in one tenant, most recently used first. */
export async function listAuthSessions(
  db: AppDatabase,
  tenantId: string,
  userId: string,
  now = new Date(),
): Promise<SessionSummary[]> {
  return db.withTenant(tenantId, (tx) =>
    tx
      .select({
        id: authSessions.id,
        ip: authSessions.ip,
        userAgent: authSessions.userAgent,
        createdAt: authSessions.createdAt,
        lastSeenAt: authSessions.lastSeenAt,
        expiresAt: authSessions.expiresAt,
      })
      .from(authSessions)
      .where(
        and(
          eq(authSessions.userId, userId),
          isNull(authSessions.revokedAt),
          gt(authSessions.expiresAt, now),
        ),
      )
      .orderBy(sql`${authSessions.lastSeenAt} desc`),
  );
}

/** Signs a user out everywhere in one tenant; returns how many sessions ended. */
export async function revokeAllSessionsForUser(
  db: AppDatabase,
  tenantId: string,
  userId: string,
  now = new Date(),
): Promise<number> {
  const rows = await db.withTenant(tenantId, (tx) =>
    tx
      .update(authSessions)
      .set({ revokedAt: now })
      .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id }),
  );
  return rows.length;
}
