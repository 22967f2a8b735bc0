import { and, eq, type MembershipRole, memberships } from "@omnify/db";
import { assertAuthorized } from "../access/authorize";
import type { RolesContext } from "../access/custom-roles";
import { recordAudit } from "../audit/record";
import { DomainError } from "../errors";
import { assertNotLastOwner, lockMembership } from "./remove-member";
import { assertMayGrant } from "./role-rules";

/**
 * Gives a member another fixed role. The new role must fit the tenant kind and be one the
 * actor may grant; only owners touch owners, and the last owner cannot step down.
 */
export async function changeMemberRole(
  ctx: RolesContext,
  input: { userId: string; role: MembershipRole },
): Promise<void> {
  assertAuthorized(ctx.actor, "members.changeRole", { tenant: ctx.tenant });
  assertMayGrant(ctx.actor, input.role, ctx.tenant.kind);
  const before = await lockMembership(ctx, input.userId);
  if (before.role === input.role) return;
  if (before.role === "agency_owner") {
    if (ctx.actor.role !== "agency_owner" && ctx.actor.role !== "platform_admin") {
      throw new DomainError("FORBIDDEN", "Only an owner can change an owner's role", "userId");
    }
    await assertNotLastOwner(ctx.tx, ctx.tenant.id);
  }
  await ctx.tx
    .update(memberships)
    .set({ role: input.role })
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.userId, input.userId)));
  await recordAudit(ctx.tx, {
    action: "member.role_changed",
    actor: { userId: ctx.actor.userId },
    target: { type: "user", id: input.userId },
    request: ctx.request,
    metadata: { from: before.role, to: input.role },
  });
}
