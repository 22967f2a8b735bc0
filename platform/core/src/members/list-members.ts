import {
  and,
  asc,
  eq,
  gt,
  invitations,
  type MembershipRole,
  memberships,
  type Tx,
  users,
} from "@omnify/db";

export type MemberSummary = {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
};

export type PendingInvitation = {
  id: string;
  email: string;
  role: MembershipRole;
  expiresAt: Date;
  createdAt: Date;
};

/** Members and live invitations of `tenantId`; `tx` must be that tenant's transaction. */
export async function listMembers(
  tx: Tx,
  tenantId: string,
  now = new Date(),
): Promise<{ members: MemberSummary[]; invitations: PendingInvitation[] }> {
  // RLS already limits both tables to the tenant; the explicit filter keeps the index in play.
  const members = await tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, tenantId))
    .orderBy(asc(users.name), asc(users.email));
  const pending = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.tenantId, tenantId),
        eq(invitations.status, "pending"),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.createdAt));
  return { members, invitations: pending };
}
