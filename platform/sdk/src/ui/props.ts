/** The workspace a slot renders in: the tenant of the host the user is signed in on. */
export type SlotTenant = {
  readonly id: string;
  readonly name: string;
  readonly kind: "agency" | "subaccount";
};

/**
 * Calls one of the plugin's own server procedures (`server.procedures` in definePlugin)
 * through the portal's `plugins.invoke`. The tenant comes from the session, never from here.
 * Rejects with an Error whose message is the server's.
 */
export type PluginCall = (procedure: string, input?: unknown) => Promise<unknown>;

/** What every slot component receives. */
export type SlotProps<Settings = Readonly<Record<string, unknown>>> = {
  readonly tenant: SlotTenant;
  readonly plugin: { readonly id: string; readonly version: string };
  readonly call: PluginCall;
  /** The installation's settings (as saved; parsed with your schema on the server side). */
  readonly settings: Settings;
};

/** `src/ui/NavPage.tsx`: the plugin's page at `/p/<plugin id>/<path…>`. */
export type NavPageProps<Settings = Readonly<Record<string, unknown>>> = SlotProps<Settings> & {
  /** Path segments after `/p/<plugin id>/` (empty on the plugin's start page). */
  readonly path: readonly string[];
};

/** `src/ui/DashboardCard.tsx`: one card on the workspace dashboard. */
export type DashboardCardProps<Settings = Readonly<Record<string, unknown>>> = SlotProps<Settings>;

/** `src/ui/SettingsPanel.tsx`: rendered on the plugin's settings page, for admins only. */
export type SettingsPanelProps<Settings = Readonly<Record<string, unknown>>> = SlotProps<Settings>;
