import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { BrandEditor } from "./BrandEditor";

export const metadata: Metadata = { title: "Branding" };

export default async function BrandingPage() {
  const current = await requireUser();
  // The white-label brand is the agency's; sub-accounts inherit it. The procedures agree.
  if (!isAdminRole(current.role) || current.tenant.kind !== "agency") notFound();
  return (
    <PortalShell current={current} active="branding" title="Branding">
      <BrandEditor origin={current.tenant.origin} workspaceName={current.tenant.name} />
    </PortalShell>
  );
}
