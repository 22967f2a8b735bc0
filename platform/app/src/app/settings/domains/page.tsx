import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { DomainsPanel } from "./DomainsPanel";

export const metadata: Metadata = { title: "Domains" };

export default async function DomainsPage() {
  const current = await requireUser();
  // Custom domains route to agencies; the procedures refuse everyone else too.
  if (!isAdminRole(current.role) || current.tenant.kind !== "agency") notFound();
  return (
    <PortalShell current={current} active="domains" title="Domains">
      <DomainsPanel />
    </PortalShell>
  );
}
