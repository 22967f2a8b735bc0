import { Card } from "@omnify/ui";
import { type CurrentUser, requireUser } from "../server/auth";
import { PluginSlot } from "./PluginSlot";
import { getEnabledUi, slotTenant } from "./server/enabled-ui";

/** The dashboard-card slot of every enabled plugin that has one; nothing at all otherwise. */
export async function PluginDashboardCards(props: { current?: CurrentUser }) {
  const current = props.current ?? (await requireUser());
  const entries = (await getEnabledUi(current)).filter((e) => e.slots.includes("dashboard-card"));
  if (entries.length === 0) return null;
  const tenant = slotTenant(current);
  return (
    <div className="omnify-stats" data-testid="plugin-dashboard-cards">
      {entries.map((entry) => (
        <Card key={entry.pluginId} title={entry.name} data-plugin={entry.pluginId}>
          <PluginSlot entry={entry} slot="dashboard-card" tenant={tenant} />
        </Card>
      ))}
    </div>
  );
}
