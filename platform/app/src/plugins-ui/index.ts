/**
 * The portal's federation host: plugin UI slots mounted from `plugins.enabledUi`, each
 * remote verified against its pinned hashes before it runs. Server components here; the
 * client side lives in PluginSlot / federation.ts.
 */
export { pluginNavItems, pluginPagePath } from "./nav";
export { PluginDashboardCards } from "./PluginDashboardCards";
export { PluginSettingsPanel } from "./PluginSettingsPanel";
export { findEnabledUi, getEnabledUi } from "./server/enabled-ui";
