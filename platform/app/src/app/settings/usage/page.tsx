import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { UsagePanel } from "./UsagePanel";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage() {
  const current = await requireUser();
  if (!isAdminRole(current.role)) notFound();
  return (
    <PortalShell current={current} active="usage" title="Usage">
      <UsagePanel agency={current.tenant.kind === "agency"} />
    </PortalShell>
  );
}
