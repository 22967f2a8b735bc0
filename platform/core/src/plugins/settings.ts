import { z } from "zod";
import { DomainError } from "../errors";
import type { PluginManifest } from "./manifest";

type Issue = { path: PropertyKey[]; message: string };

/**
 * Settings that failed the plugin's schema. Carries zod-style `issues` so the API's error
 * formatter reports `fieldErrors` per setting, and `field` names the first bad one.
 */
export class SettingsValidationError extends DomainError {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    const first = issues[0];
    const field = first?.path.length ? first.path.map(String).join(".") : "settings";
    super("BAD_INPUT", first ? `${field}: ${first.message}` : "Invalid settings", field);
    this.issues = issues.map((i) => ({ ...i, path: i.path.map(String) }));
  }
}

// Rebuilding a validator per call would be wasteful; manifests are immutable per version.
const cache = new WeakMap<object, z.ZodType>();

function schemaFor(manifest: PluginManifest): z.ZodType {
  const json = manifest.settingsSchema ?? { type: "object", properties: {} };
  let schema = cache.get(json);
  if (!schema) {
    // The JSON Schema came from the plugin's own zod schema (SDK describe()); converting it
    // back gives the same checks without running plugin code in this process.
    schema = z.fromJSONSchema(json as Parameters<typeof z.fromJSONSchema>[0]);
    cache.set(json, schema);
  }
  return schema;
}

/**
 * Validates settings on the server against the manifest's settings JSON Schema, returning
 * the parsed value (defaults applied). Keys the schema does not declare are refused.
 */
export function validatePluginSettings(
  manifest: PluginManifest,
  settings: unknown,
): Record<string, unknown> {
  if (typeof settings !== "object" || settings === null || Array.isArray(settings))
    throw new SettingsValidationError([{ path: [], message: "must be an object" }]);
  const known = new Set(Object.keys((manifest.settingsSchema?.properties as object) ?? {}));
  const unknown = Object.keys(settings).filter((k) => !known.has(k));
  if (unknown.length)
    throw new SettingsValidationError(
      unknown.map((k) => ({ path: [k], message: "is not a setting of this plugin" })),
    );
  const result = schemaFor(manifest).safeParse(settings);
  if (!result.success) throw new SettingsValidationError(result.error.issues);
  return result.data as Record<string, unknown>;
}
