import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { ExportPanel } from "./ExportPanel";
import { ImportForm } from "./ImportForm";

export const metadata: Metadata = { title: "Export and import" };

export default async function ExportPage() {
  const current = await requireUser();
  // A sub-account's data moves as a whole; the procedures refuse everyone else too.
  if (!isAdminRole(current.role) || current.tenant.kind !== "subaccount") notFound();
  return (
    <PortalShell current={current} active="export" title="Export and import">
      <ExportPanel importForm={<ImportForm />} />
    </PortalShell>
  );
}
