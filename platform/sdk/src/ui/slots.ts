/**
 * The UI slots a plugin may fill, and the module each one is exposed as. The build
 * (`omnify-plugin build`) and the portal's federation host both read this table, so a slot
 * name means the same file and the same `loadRemote` id on both sides.
 */
export const UI_SLOTS = {
  nav: { expose: "./NavPage", file: "NavPage" },
  "dashboard-card": { expose: "./DashboardCard", file: "DashboardCard" },
  settings: { expose: "./SettingsPanel", file: "SettingsPanel" },
} as const;

export type UiSlot = keyof typeof UI_SLOTS;
export type UiExpose = (typeof UI_SLOTS)[UiSlot]["expose"];

export const isUiSlot = (value: string): value is UiSlot => Object.hasOwn(UI_SLOTS, value);

/**
 * The federation container name of a plugin: a JS identifier (it becomes a global and a
 * chunk-loading key), so the slug's dashes become underscores.
 */
export function remoteNameFor(pluginId: string): string {
  return `omnify_plugin_${pluginId.replace(/[^a-zA-Z0-9_]/g, "_")}`;
}

/** The id `loadRemote` takes for one slot of one remote: `omnify_plugin_x/DashboardCard`. */
export function remoteModuleId(remoteName: string, slot: UiSlot): string {
  return `${remoteName}/${UI_SLOTS[slot].file}`;
}

/** Modules the portal provides to every remote (one React on the page); remotes bundle none of them. */
export const SHARED_SINGLETONS = ["react", "react-dom", "react/jsx-runtime"] as const;

/** React range the portal provides; remotes declare it so a mismatch is reported by name. */
export const SHARED_REACT_RANGE = "^19.0.0";
