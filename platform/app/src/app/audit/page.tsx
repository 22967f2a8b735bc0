import { authorize } from "@omnify/core/access/authorize";
import { findAccess } from "@omnify/core/access/resolve-access";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../components/PortalShell";
import { requireUser } from "../../server/auth";
import { getDeps } from "../../server/deps";
import { AuditPanel } from "./AuditPanel";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const current = await requireUser();
  // The same decision audit.find makes (custom roles included); it spares everyone else a
  // page of errors, and the procedure refuses them anyway.
  const actor = await findAccess(getDeps().db, current.tenant, current.user.id);
  if (!actor || !authorize(actor, "audit.read", { tenant: current.tenant }).allowed) notFound();
  return (
    <PortalShell current={current} active="audit" title="Audit log">
      <AuditPanel />
    </PortalShell>
  );
}
