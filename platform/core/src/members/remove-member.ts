import {
  and,
  authSessions,
  count,
  eq,
  isNull,
  memberships,
  subaccountAssignments,
  type Tx,
  tenants,
  withinTenant,
} from "@omnify/db";
import { assertAuthorized } from "../access/authorize";
import type { RolesContext } from "../access/custom-roles";
import { recordAudit } from "../audit/record";
import { DomainError } from "../errors";
import { publishTenantEvent } from "../realtime/publish";

const MEMBER_LEVEL = new Set(["agency_member", "subaccount_member"]);

/** The target's membership row, locked for the rest of the transaction. */
export async function lockMembership(ctx: RolesContext, userId: string) {
  const [row] = await ctx.tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.userId, userId)))
    .for("update");
  if (!row) throw new DomainError("NOT_FOUND", "This person is not a member here", "userId");
  return row;
}

/** Refuses to leave an agency without an owner. */
export async function assertNotLastOwner(tx: Tx, tenantId: string): Promise<void> {
  const [owners] = await tx
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.role, "agency_owner")));
  if ((owners?.n ?? 0) <= 1) {
    throw new DomainError("CONFLICT", "An agency needs at least one owner", "userId");
  }
}

async function revokeSessionsHere(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const revoked = await tx
    .update(authSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(authSessions.tenantId, tenantId),
        eq(authSessions.userId, userId),
        isNull(authSessions.revokedAt),
      ),
    )
    .returning({ id: authSessions.id });
  return revoked.length;
}

/**
 * Removes a member and, in the same transaction, revokes their sessions here. Removed from an
 * agency, they also lose the sessions that agency access gave them on its sub-accounts
 * (where they are not members in their own right) and their sub-account assignments.
 * Owners and admins can only be removed by admins; the last owner cannot be removed.
 */
export async function removeMember(
  ctx: RolesContext,
  input: { userId: string },
): Promise<{ sessionsRevoked: number }> {
  assertAuthorized(ctx.actor, "members.remove", { tenant: ctx.tenant });
  const target = await lockMembership(ctx, input.userId);
  if (!MEMBER_LEVEL.has(target.role)) {
    assertAuthorized(ctx.actor, "tenant.admin", { tenant: ctx.tenant }, "userId");
  }
  if (target.role === "agency_owner") {
    if (ctx.actor.role !== "agency_owner" && ctx.actor.role !== "platform_admin") {
      throw new DomainError("FORBIDDEN", "Only an owner can remove an owner", "userId");
    }
    await assertNotLastOwner(ctx.tx, ctx.tenant.id);
  }
  const { tx, tenant } = ctx;
  await tx
    .delete(memberships)
    .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.userId, input.userId)));
  let sessionsRevoked = await revokeSessionsHere(tx, tenant.id, input.userId);
  if (tenant.kind === "agency") {
    await tx.delete(subaccountAssignments).where(eq(subaccountAssignments.userId, input.userId));
    const subs = await tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(eq(tenants.parentId, tenant.id));
    for (const sub of subs) {
      sessionsRevoked += await withinTenant(tx, sub.id, async () => {
        const [own] = await tx
          .select({ role: memberships.role })
          .from(memberships)
          .where(and(eq(memberships.tenantId, sub.id), eq(memberships.userId, input.userId)));
        return own ? 0 : revokeSessionsHere(tx, sub.id, input.userId);
      });
    }
  }
  await recordAudit(tx, {
    action: "member.removed",
    actor: { userId: ctx.actor.userId },
    target: { type: "user", id: input.userId },
    request: ctx.request,
    metadata: { role: target.role, sessionsRevoked },
  });
  await publishTenantEvent(tx, "member.removed", { userId: input.userId });
  return { sessionsRevoked };
}
