import type { NavItem } from "@omnify/ui";
import type { CurrentUser } from "../server/auth";
import { getEnabledUi } from "./server/enabled-ui";

/** `/p/<plugin id>`: where a plugin's nav page lives. */
export const pluginPagePath = (pluginId: string) => `/p/${encodeURIComponent(pluginId)}`;

/** Nav entries for PortalShell's `extraNav`: one per enabled plugin with a nav slot. */
export async function pluginNavItems(
  current: CurrentUser,
  activePluginId?: string,
): Promise<NavItem[]> {
  return (await getEnabledUi(current))
    .filter((e) => e.slots.includes("nav"))
    .map((e) => ({
      href: pluginPagePath(e.pluginId),
      label: e.navLabel ?? e.name,
      active: e.pluginId === activePluginId,
    }));
}
