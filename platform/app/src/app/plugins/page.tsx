import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { PortalShell } from "../../components/PortalShell";
import { PluginCatalog } from "../../components/plugins/PluginCatalog";
import { requireUser } from "../../server/auth";

export const metadata: Metadata = { title: "Plugins" };

/** The plugin catalog; owners and admins also manage installations here. */
export default async function PluginsPage() {
  const current = await requireUser();
  return (
    <PortalShell current={current} active="plugins" title="Plugins">
      <PluginCatalog canManage={isAdminRole(current.role)} />
    </PortalShell>
  );
}
