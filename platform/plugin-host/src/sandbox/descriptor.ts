import type { PluginDescriptor } from "@omnify/plugin-sdk";
import { formatIssues, pluginDescriptorSchema } from "@omnify/plugin-sdk/manifest";
import semver from "semver";
import { PluginLoadError } from "../errors.ts";

/**
 * Re-validates what a bundle says about itself, on the host side, with the host's own copy
 * of the schema, and refuses plugins whose `hostApi` range excludes this host.
 */
export function checkDescriptor(json: string, hostApiVersion: string): PluginDescriptor {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new PluginLoadError("bundle described itself with invalid JSON");
  }
  const parsed = pluginDescriptorSchema.safeParse(raw);
  if (!parsed.success)
    throw new PluginLoadError(`invalid plugin manifest:\n${formatIssues(parsed.error.issues)}`);
  const d = parsed.data as PluginDescriptor;
  if (!semver.validRange(d.hostApi))
    throw new PluginLoadError(`hostApi: '${d.hostApi}' is not a valid semver range`);
  if (!semver.satisfies(hostApiVersion, d.hostApi, { includePrerelease: true })) {
    throw new PluginLoadError(
      `plugin '${d.id}@${d.version}' needs host API ${d.hostApi}, but this host provides ${hostApiVersion}`,
    );
  }
  return d;
}
