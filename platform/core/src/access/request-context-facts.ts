import { type MembershipRole, type SubscriptionStatus, sql, type Tx } from "@omnify/db";

type Membership = { role: MembershipRole; restricted: boolean; permissions: string[] | null };

/**
 * What `app.request_context()` (migration 0024) returns: raw facts, no decisions. `own` is
 * the user's membership here, `parent` (sub-accounts only) their agency membership;
 * `permissions` is the custom role's grants, null without one and [] for a role the agency
 * cannot see (it grants nothing rather than falling back to the fixed role).
 */
export type AccessFacts = {
  session: { expiresAt: string; lastSeenAt: string; reauthenticatedAt: string | null } | null;
  user: { id: string; name: string; email: string; isPlatformAdmin: boolean };
  kind: "agency" | "subaccount";
  own: Membership | null;
  parent: Membership | null;
  /** On a sub-account: whether the agency assigned this user to it. */
  assignedHere: boolean;
  /** On an agency, for a restricted member: the sub-accounts assigned to them. */
  assigned: string[];
  mfaRequired: boolean;
  mfaEnabled: boolean;
  /** The billed agency's subscription; null without one (Free). */
  billing: { status: SubscriptionStatus; pastDueSince: string | null } | null;
};

/**
 * One statement for a request's session, access, MFA and billing facts, in a transaction of
 * the host's tenant. With `sessionId` (a stored session id) the session must be live and
 * the transaction then acts as its user; with `userId`, the caller already checked who it is.
 */
export async function readContextFacts(
  tx: Tx,
  who: { sessionId: string; userId?: never } | { userId: string; sessionId?: never },
  now = new Date(),
): Promise<AccessFacts | null> {
  const [row] = await tx.execute<{ ctx: AccessFacts | null }>(
    sql`select app.request_context(${who.sessionId ?? null}, ${who.userId ?? null}, ${now.toISOString()}) as ctx`,
  );
  return row?.ctx ?? null;
}
