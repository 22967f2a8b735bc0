import { type CurrentUser, requireUser } from "../server/auth";
import { PluginSlot } from "./PluginSlot";
import { findEnabledUi, slotTenant } from "./server/enabled-ui";

/**
 * The settings slot of one plugin, for the plugin's settings page (which decides who may
 * see it). Renders nothing when the plugin is not enabled or declares no settings slot.
 */
export async function PluginSettingsPanel(props: { pluginId: string; current?: CurrentUser }) {
  const { pluginId } = props;
  const current = props.current ?? (await requireUser());
  const entry = await findEnabledUi(current, pluginId);
  if (!entry?.slots.includes("settings")) return null;
  return (
    <div data-testid="plugin-settings-panel" data-plugin={pluginId}>
      <PluginSlot entry={entry} slot="settings" tenant={slotTenant(current)} />
    </div>
  );
}
