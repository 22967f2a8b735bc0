import {
  and,
  asc,
  eq,
  type MembershipRole,
  memberships,
  ne,
  pluginInstallations,
  subaccountAssignments,
  users,
  withinTenant,
} from "@omnify/db";
import { CORE_MODULES, type CoreModule } from "./actions";
import { assertAuthorized } from "./authorize";
import type { RolesContext } from "./custom-roles";

export type MemberAccess = {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  customRoleId: string | null;
  restricted: boolean;
  subaccountIds: string[];
};

/** Core modules a custom role can meaningfully grant (API keys and domains are admin-only). */
export const MATRIX_MODULES: readonly CoreModule[] = CORE_MODULES.filter(
  (m) => m !== "apiKeys" && m !== "domains",
);

/** Members of the host's tenant with their custom role and sub-account restriction. */
export async function listMemberAccess(ctx: RolesContext): Promise<MemberAccess[]> {
  assertAuthorized(ctx.actor, "members.read", { tenant: ctx.tenant });
  const rows = await ctx.tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      customRoleId: memberships.customRoleId,
      restricted: memberships.restricted,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.tenantId, ctx.tenant.id))
    .orderBy(asc(users.name), asc(users.email));
  const assigned = new Map<string, string[]>();
  if (ctx.tenant.kind === "agency") {
    const links = await ctx.tx
      .select({ userId: subaccountAssignments.userId, id: subaccountAssignments.subaccountId })
      .from(subaccountAssignments)
      .where(eq(subaccountAssignments.tenantId, ctx.tenant.id));
    for (const l of links) assigned.set(l.userId, [...(assigned.get(l.userId) ?? []), l.id]);
  }
  return rows.map((r) => ({ ...r, subaccountIds: assigned.get(r.userId) ?? [] }));
}

/**
 * Module ids for the permission matrix: the grantable core modules, then the plugins the
 * agency has installed (plugin ids count as modules).
 */
export async function matrixModules(
  ctx: RolesContext,
): Promise<{ core: string[]; plugins: string[] }> {
  const agencyId = ctx.tenant.kind === "agency" ? ctx.tenant.id : ctx.tenant.agency.id;
  const rows = await withinTenant(ctx.tx, agencyId, () =>
    ctx.tx
      .select({ id: pluginInstallations.pluginId })
      .from(pluginInstallations)
      .where(
        and(
          eq(pluginInstallations.tenantId, agencyId),
          ne(pluginInstallations.status, "uninstalled"),
        ),
      )
      .orderBy(asc(pluginInstallations.pluginId)),
  );
  return { core: [...MATRIX_MODULES], plugins: rows.map((r) => r.id) };
}
