import type { EffectiveRole } from "@omnify/core/auth/roles";

const LABELS: Record<EffectiveRole, string> = {
  platform_admin: "Platform admin",
  agency_owner: "Owner",
  agency_admin: "Admin",
  agency_member: "Member",
  subaccount_admin: "Admin",
  subaccount_member: "Member",
};

/** Human label of a role, for badges and selects. */
export function roleLabel(role: string): string {
  return LABELS[role as EffectiveRole] ?? role;
}
