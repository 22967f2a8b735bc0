import { and, authSessions, eq, gt, isNull, ne, sql, type Tx } from "@omnify/db";
import { DomainError } from "../../errors";

export type OwnSession = {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The user's live sessions on this tenant, most recent first, marking the one in use. */
export async function listOwnSessions(
  tx: Tx,
  input: { userId: string; currentSessionId: string },
  now = new Date(),
): Promise<OwnSession[]> {
  const rows = await tx
    .select({
      id: authSessions.id,
      ip: authSessions.ip,
      userAgent: authSessions.userAgent,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
    })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.userId, input.userId),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, now),
      ),
    )
    .orderBy(sql`${authSessions.lastSeenAt} desc`);
  return rows.map((r) => ({ ...r, current: r.id === input.currentSessionId }));
}

/**
 * Revokes one of the user's own sessions (never another user's, even in the same tenant).
 * Returns whether it was the session making the request, which then signs the user out.
 */
export async function revokeOwnSession(
  tx: Tx,
  input: { userId: string; sessionId: string; currentSessionId: string },
  now = new Date(),
): Promise<{ current: boolean }> {
  const rows = await tx
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(authSessions.id, input.sessionId),
        eq(authSessions.userId, input.userId),
        isNull(authSessions.revokedAt),
      ),
    )
    .returning({ id: authSessions.id });
  if (rows.length === 0) throw new DomainError("NOT_FOUND", "That session has already ended", "id");
  return { current: input.sessionId === input.currentSessionId };
}

/** Ends every other session of the user on this tenant; returns how many ended. */
export async function revokeOtherSessions(
  tx: Tx,
  input: { userId: string; currentSessionId: string },
  now = new Date(),
): Promise<number> {
  const rows = await tx
    .update(authSessions)
    .set({ revokedAt: now })
    .where(
      and(
        eq(authSessions.userId, input.userId),
        ne(authSessions.id, input.currentSessionId),
        isNull(authSessions.revokedAt),
      ),
    )
    .returning({ id: authSessions.id });
  return rows.length;
}
