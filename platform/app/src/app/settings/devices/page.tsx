import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { DevicesPanel } from "./DevicesPanel";

export const metadata: Metadata = { title: "Screens" };

export default async function DevicesPage() {
  const current = await requireUser();
  if (!isAdminRole(current.role)) notFound();
  return (
    <PortalShell current={current} active="devices" title="Screens">
      <DevicesPanel />
    </PortalShell>
  );
}
