import {
  and,
  customRoles,
  eq,
  inArray,
  memberships,
  subaccountAssignments,
  tenants,
  withinTenant,
} from "@omnify/db";
import { recordAudit } from "../audit/record";
import { badInput, DomainError } from "../errors";
import { assertAuthorized } from "./authorize";
import type { RolesContext } from "./custom-roles";

const MEMBER_LEVEL = new Set(["agency_member", "subaccount_member"]);

async function memberOf(ctx: RolesContext, userId: string) {
  const [row] = await ctx.tx
    .select({ role: memberships.role, customRoleId: memberships.customRoleId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.userId, userId)))
    .for("update");
  if (!row) throw new DomainError("NOT_FOUND", "This person is not a member here", "userId");
  if (!MEMBER_LEVEL.has(row.role)) {
    throw badInput("userId", "Owners and admins always hold every permission");
  }
  return row;
}

/**
 * Gives a member one of the agency's custom roles (or back the fixed role's defaults with
 * null). Works on the agency and on its sub-accounts; audited as `member.role_changed`.
 */
export async function assignCustomRole(
  ctx: RolesContext,
  input: { userId: string; customRoleId: string | null },
): Promise<void> {
  assertAuthorized(ctx.actor, "members.changeRole", { tenant: ctx.tenant });
  const before = await memberOf(ctx, input.userId);
  let roleName: string | null = null;
  if (input.customRoleId) {
    const agencyId = ctx.tenant.kind === "agency" ? ctx.tenant.id : ctx.tenant.agency.id;
    const roleId = input.customRoleId;
    // The agency's RLS context decides visibility: another agency's role is not found.
    const found = await withinTenant(ctx.tx, agencyId, () =>
      ctx.tx.select({ name: customRoles.name }).from(customRoles).where(eq(customRoles.id, roleId)),
    );
    roleName = found[0]?.name ?? null;
    if (!roleName) throw new DomainError("NOT_FOUND", "No such role", "customRoleId");
  }
  await ctx.tx
    .update(memberships)
    .set({ customRoleId: input.customRoleId })
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.userId, input.userId)));
  await recordAudit(ctx.tx, {
    action: "member.role_changed",
    actor: { userId: ctx.actor.userId },
    target: { type: "user", id: input.userId },
    request: ctx.request,
    metadata: {
      customRoleId: input.customRoleId,
      customRoleName: roleName,
      before: before.customRoleId,
    },
  });
}

/**
 * Restricts (or frees) an agency member to the listed sub-accounts of this agency, replacing
 * earlier assignments. Owners and admins are never restricted. Audited as
 * `member.access_changed`.
 */
export async function setSubaccountAccess(
  ctx: RolesContext,
  input: { userId: string; restricted: boolean; subaccountIds: readonly string[] },
): Promise<{ restricted: boolean; subaccountIds: string[] }> {
  assertAuthorized(ctx.actor, "members.changeRole", { tenant: ctx.tenant });
  if (ctx.tenant.kind !== "agency") {
    throw new DomainError("FORBIDDEN", "Only available on an agency's portal");
  }
  await memberOf(ctx, input.userId);
  const ids = [...new Set(input.subaccountIds)].sort();
  if (ids.length > 0) {
    const own = await ctx.tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(and(eq(tenants.parentId, ctx.tenant.id), inArray(tenants.id, ids)));
    if (own.length !== ids.length) {
      throw badInput("subaccountIds", "Choose sub-accounts of this agency only");
    }
  }
  await ctx.tx
    .update(memberships)
    .set({ restricted: input.restricted })
    .where(and(eq(memberships.tenantId, ctx.tenant.id), eq(memberships.userId, input.userId)));
  await ctx.tx
    .delete(subaccountAssignments)
    .where(
      and(
        eq(subaccountAssignments.tenantId, ctx.tenant.id),
        eq(subaccountAssignments.userId, input.userId),
      ),
    );
  if (ids.length > 0) {
    await ctx.tx.insert(subaccountAssignments).values(
      ids.map((subaccountId) => ({
        tenantId: ctx.tenant.id,
        userId: input.userId,
        subaccountId,
      })),
    );
  }
  await recordAudit(ctx.tx, {
    action: "member.access_changed",
    actor: { userId: ctx.actor.userId },
    target: { type: "user", id: input.userId },
    request: ctx.request,
    metadata: { restricted: input.restricted, subaccountIds: ids },
  });
  return { restricted: input.restricted, subaccountIds: ids };
}
