import { agencyRoles, type MembershipRole, subaccountRoles, type TenantKind } from "@omnify/db";
import { type Actor, assertAuthorized } from "../access/authorize";
import type { EffectiveRole } from "../auth/roles";
import { DomainError } from "../errors";

/** Agency roles exist only in agencies and sub-account roles only in sub-accounts. */
export function rolesForKind(kind: TenantKind): readonly MembershipRole[] {
  return kind === "agency" ? agencyRoles : subaccountRoles;
}

/**
 * Throws unless `actor` may grant `role` in a tenant of `kind`. Inviting goes through the
 * policy (`members.invite`); anyone below admin may only grant member-level roles.
 */
export function assertMayGrant(
  actor: Actor | EffectiveRole,
  role: MembershipRole,
  kind: TenantKind,
): void {
  const who: Actor =
    typeof actor === "string" ? { userId: "", role: actor, permissions: null } : actor;
  const tenant = { id: "", kind };
  assertAuthorized(who, "members.invite", { tenant });
  if (!rolesForKind(kind).includes(role)) {
    throw new DomainError("BAD_INPUT", `${role} is not a role in ${kindLabel(kind)}`, "role");
  }
  const memberLevel = role === "agency_member" || role === "subaccount_member";
  if (!memberLevel) assertAuthorized(who, "tenant.admin", { tenant }, "role");
  if (role === "agency_owner" && who.role !== "agency_owner" && who.role !== "platform_admin") {
    throw new DomainError("FORBIDDEN", "Only an owner can make someone an owner", "role");
  }
}

const kindLabel = (kind: TenantKind) => (kind === "agency" ? "an agency" : "a sub-account");
