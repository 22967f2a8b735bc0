import { createHash } from "node:crypto";
import type { PluginRelease } from "../../src/plugins/build-record";
import { type FixtureVersion, fixtureManifest } from "../plugin-catalog";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

/** A release as `omnify-plugin build` would leave it, with made-up code and migrations. */
export function fakeRelease(
  v: FixtureVersion,
  migrations: Record<string, string> = {},
): PluginRelease {
  const serverCode = v.code ?? `/* ${v.pluginId}@${v.version} */`;
  return {
    record: {
      id: v.pluginId,
      version: v.version,
      manifest: fixtureManifest(v),
      server: { file: "server.js", sha256: sha(serverCode) },
      ui: null,
      migrations: Object.entries(migrations).map(([name, text]) => ({ name, sha256: sha(text) })),
    },
    serverCode,
    migrationSql: migrations,
  };
}

export const SETTINGS_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties: {
    region: { default: "eu", type: "string", enum: ["eu", "us"] },
    pageSize: { default: 50, type: "integer", minimum: 1, maximum: 500 },
    webhook: { type: "string", format: "uri" },
  },
  required: [],
};
