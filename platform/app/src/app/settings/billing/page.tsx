import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { BillingPanel } from "./BillingPanel";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage() {
  const current = await requireUser();
  // The agency pays for itself and its sub-accounts; only its owner may change the plan.
  if (!isAdminRole(current.role) || current.tenant.kind !== "agency") notFound();
  return (
    <PortalShell current={current} active="billing" title="Billing">
      <BillingPanel canManage={current.role === "agency_owner"} />
    </PortalShell>
  );
}
