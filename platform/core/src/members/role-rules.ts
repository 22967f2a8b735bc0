import { agencyRoles, type MembershipRole, subaccountRoles, type TenantKind } from "@omnify/db";
import { type EffectiveRole, isAdminRole } from "../auth/roles";
import { DomainError } from "../errors";

/** Agency roles exist only in agencies and sub-account roles only in sub-accounts. */
export function rolesForKind(kind: TenantKind): readonly MembershipRole[] {
  return kind === "agency" ? agencyRoles : subaccountRoles;
}

/** Throws unless `actor` may grant `role` in a tenant of `kind`. */
export function assertMayGrant(actor: EffectiveRole, role: MembershipRole, kind: TenantKind): void {
  if (!isAdminRole(actor)) {
    throw new DomainError("FORBIDDEN", "Only owners and admins can invite members");
  }
  if (!rolesForKind(kind).includes(role)) {
    throw new DomainError("BAD_INPUT", `${role} is not a role in ${kindLabel(kind)}`, "role");
  }
  if (role === "agency_owner" && actor !== "agency_owner" && actor !== "platform_admin") {
    throw new DomainError("FORBIDDEN", "Only an owner can make someone an owner", "role");
  }
}

const kindLabel = (kind: TenantKind) => (kind === "agency" ? "an agency" : "a sub-account");
