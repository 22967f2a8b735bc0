import { notFound } from "next/navigation";
import { PortalShell } from "../../../../components/PortalShell";
import { pluginNavItems } from "../../../../plugins-ui/nav";
import { PluginSlot } from "../../../../plugins-ui/PluginSlot";
import { findEnabledUi, slotTenant } from "../../../../plugins-ui/server/enabled-ui";
import { requireUser } from "../../../../server/auth";

type Params = { pluginId: string; rest?: string[] };

/** `/p/<plugin id>/<path…>`: an enabled plugin's nav page; 404 for anything else. */
export default async function PluginPage({ params }: { params: Promise<Params> }) {
  const { pluginId, rest = [] } = await params;
  const current = await requireUser();
  const entry = await findEnabledUi(current, pluginId);
  if (!entry?.slots.includes("nav")) notFound();
  return (
    <PortalShell
      current={current}
      active="plugin"
      title={entry.navLabel ?? entry.name}
      extraNav={await pluginNavItems(current, pluginId)}
    >
      <div data-testid="plugin-page" data-plugin={pluginId}>
        <PluginSlot entry={entry} slot="nav" tenant={slotTenant(current)} extra={{ path: rest }} />
      </div>
    </PortalShell>
  );
}
