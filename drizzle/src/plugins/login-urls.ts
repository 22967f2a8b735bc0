import { pluginNames, pluginRolePassword } from "./names";

function withLogin(baseUrl: string, role: string, hostSecret: string): string {
  const url = new URL(baseUrl);
  url.username = role;
  url.password = pluginRolePassword(hostSecret, role);
  return url.toString();
}

/**
 * A plugin's runtime login URL, computed from the host secret alone (the password is derived,
 * never stored), so the plugin runtime needs no admin login to reach an already provisioned
 * plugin. `baseUrl` supplies host, port, database and options; its credentials are replaced.
 */
export function pluginRuntimeUrl(baseUrl: string, pluginId: string, hostSecret: string): string {
  return withLogin(baseUrl, pluginNames(pluginId).runtimeRole, hostSecret);
}
