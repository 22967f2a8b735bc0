import type { CoreConfig } from "../env";

const DEFAULT_PORTS: Record<string, string> = { http: "80", https: "443" };

/**
 * `scheme://host[:port]` for a host that has already passed parseHost. The port comes from
 * config, never from the request, so a spoofed Host header cannot steer links elsewhere.
 */
export function buildOrigin(
  validatedHost: string,
  config: Pick<CoreConfig, "publicScheme" | "publicPort">,
): string {
  const { publicScheme: scheme, publicPort: port } = config;
  const suffix = port === "" || DEFAULT_PORTS[scheme] === port ? "" : `:${port}`;
  return `${scheme}://${validatedHost}${suffix}`;
}
