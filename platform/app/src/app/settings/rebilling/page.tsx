import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { AgencyRebillingPanel } from "./AgencyRebillingPanel";
import { ClientBillingPanel } from "./ClientBillingPanel";

export const metadata: Metadata = { title: "Client plans" };

/**
 * Agency admins price their clients here (plans, caps, Stripe Connect, invoices); a client
 * sees what its agency bills it: spend against the cap, the upcoming invoice and past ones,
 * each line traced to its usage events.
 */
export default async function RebillingPage() {
  const current = await requireUser();
  if (current.tenant.kind === "agency") {
    if (!isAdminRole(current.role)) notFound();
    return (
      <PortalShell current={current} active="rebilling" title="Client plans">
        <AgencyRebillingPanel />
      </PortalShell>
    );
  }
  return (
    <PortalShell current={current} active="rebilling" title="Invoices">
      <ClientBillingPanel />
    </PortalShell>
  );
}
