import type { MembershipRole } from "@omnify/db";
import { roleMay } from "../access/authorize";

/** A membership role, or platform staff, who reach every tenant without one. */
export type EffectiveRole = MembershipRole | "platform_admin";

const AGENCY_STAFF_ROLES: ReadonlySet<EffectiveRole> = new Set([
  "platform_admin",
  "agency_owner",
  "agency_admin",
  "agency_member",
]);

/** May manage members and invitations of the tenant they act in. */
export function isAdminRole(role: EffectiveRole): boolean {
  // Routed through the policy table so there is one definition of "admin".
  return roleMay(role, "tenant.admin", role.startsWith("subaccount") ? "subaccount" : "agency");
}

/** Works for the agency itself (as opposed to one of its clients). */
export function isAgencyStaffRole(role: EffectiveRole): boolean {
  return AGENCY_STAFF_ROLES.has(role);
}
