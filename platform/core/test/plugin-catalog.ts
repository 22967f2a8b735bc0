import { createHash } from "node:crypto";
import type postgres from "postgres";

export type FixtureVersion = {
  pluginId: string;
  version: string;
  hostApi?: string;
  capabilities?: Record<string, unknown>;
  settingsSchema?: Record<string, unknown>;
  handlers?: { procedures: string[]; events: string[]; jobs: string[] };
  code?: string;
  ui?: Record<string, unknown> | null;
};

/** A stored manifest as `describe()` would produce it, for catalog rows made in tests. */
export function fixtureManifest(v: FixtureVersion) {
  return {
    id: v.pluginId,
    version: v.version,
    hostApi: v.hostApi ?? "^1.0.0",
    name: `Plugin ${v.pluginId}`,
    description: `The ${v.pluginId} fixture`,
    capabilities: v.capabilities ?? {},
    settingsForm: [],
    settingsSchema: v.settingsSchema ?? { type: "object", properties: {} },
    handlers: v.handlers ?? { procedures: [], events: [], jobs: [] },
  };
}

/** Inserts a catalog version as the superuser (the registration path's rights). */
export async function insertCatalogVersion(admin: postgres.Sql, v: FixtureVersion) {
  const code = v.code ?? `/* ${v.pluginId}@${v.version} */`;
  const sha = createHash("sha256").update(code).digest("hex");
  await admin`insert into plugin_versions (plugin_id, version, manifest, server_code, server_sha256, ui)
    values (${v.pluginId}, ${v.version}, ${admin.json(fixtureManifest(v) as postgres.JSONValue)}, ${code}, ${sha},
      ${v.ui ? admin.json(v.ui as postgres.JSONValue) : null})`;
}
