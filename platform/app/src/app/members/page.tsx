import { isAdminRole } from "@omnify/core/auth/roles";
import { rolesForKind } from "@omnify/core/members/role-rules";
import type { Metadata } from "next";
import { MembersPanel } from "../../components/members/MembersPanel";
import { PortalShell } from "../../components/PortalShell";
import { roleLabel } from "../../lib/roles";
import { requireUser } from "../../server/auth";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const current = await requireUser();
  const canInvite = isAdminRole(current.role);
  // Only an owner (or platform admin) may grant ownership; the server enforces it too.
  const mayGrantOwner = current.role === "agency_owner" || current.role === "platform_admin";
  const roles = rolesForKind(current.tenant.kind)
    .filter((role) => role !== "agency_owner" || mayGrantOwner)
    .map((role) => ({ value: role, label: roleLabel(role) }));
  return (
    <PortalShell current={current} active="members" title="Members">
      <MembersPanel canInvite={canInvite} roles={roles} />
    </PortalShell>
  );
}
