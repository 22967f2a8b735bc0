import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PortalShell } from "../../../components/PortalShell";
import { requireUser } from "../../../server/auth";
import { ApiKeysPanel } from "./ApiKeysPanel";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const current = await requireUser();
  // The procedures refuse non-admins too; this only spares them a page of errors.
  if (!isAdminRole(current.role)) notFound();
  return (
    <PortalShell current={current} active="api-keys" title="API keys">
      <ApiKeysPanel />
    </PortalShell>
  );
}
