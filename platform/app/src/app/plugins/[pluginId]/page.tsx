import { authorize } from "@omnify/core/access/authorize";
import type { Metadata } from "next";
import { PortalShell } from "../../../components/PortalShell";
import { PluginDetail } from "../../../components/plugins/PluginDetail";
import { PluginSettingsPanel } from "../../../plugins-ui";
import { requireUser } from "../../../server/auth";

export const metadata: Metadata = { title: "Plugin" };

/**
 * One plugin: the consent screen (install, or an upgrade that asks for more), the settings
 * form rendered from the manifest, and the plugin's own settings slot when it has one.
 */
export default async function PluginPage({ params }: { params: Promise<{ pluginId: string }> }) {
  const { pluginId } = await params;
  const current = await requireUser();
  const may = (action: "plugins.install" | "plugins.configure") =>
    authorize(current.actor, action, { tenant: current.tenant }).allowed;
  const canConfigure = may("plugins.configure");
  return (
    <PortalShell current={current} active="plugins" title="Plugin">
      <PluginDetail
        pluginId={pluginId}
        canInstall={may("plugins.install")}
        canConfigure={canConfigure}
      />
      {canConfigure && <PluginSettingsPanel pluginId={pluginId} current={current} />}
    </PortalShell>
  );
}
