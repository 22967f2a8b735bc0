import { authorize } from "@omnify/core/access/authorize";
import { findAccess } from "@omnify/core/access/resolve-access";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { getDeps } from "../../../server/deps";
import { RolesPanel } from "./RolesPanel";

export const metadata: Metadata = { title: "Roles" };

export default async function RolesPage() {
  const current = await requireUser();
  const { tenant } = current;
  const actor = await findAccess(getDeps().db, tenant, current.user.id);
  // Owners and admins only (the procedures check again): roles are defined on the agency,
  // assigned to members here and in sub-accounts.
  if (!actor || !authorize(actor, "members.changeRole", { tenant }).allowed) notFound();
  return (
    <PortalShell current={current} active="roles" title="Roles and permissions">
      <RolesPanel
        canDefine={authorize(actor, "roles.manage", { tenant }).allowed}
        isAgency={tenant.kind === "agency"}
      />
    </PortalShell>
  );
}
