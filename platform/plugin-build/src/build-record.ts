import type { PluginDescriptor } from "@omnify/plugin-sdk";
import type { UiBuildRecord } from "@omnify/plugin-sdk/ui";
import type { MigrationRecord } from "./migrations.ts";

export const BUILD_RECORD_FILE = "omnify-plugin.json";
export const SERVER_FILE = "server.js";

/**
 * `dist/omnify-plugin.json`: everything the catalog pins for one (id, version). Shape fixed
 * by docs/PLUGINS-CONTRACT.md; registration refuses the same version with other hashes.
 */
export type BuildRecord = {
  id: string;
  version: string;
  manifest: PluginDescriptor;
  server: { file: typeof SERVER_FILE; sha256: string };
  ui: UiBuildRecord | null;
  migrations: MigrationRecord[];
};

export function createBuildRecord(input: {
  manifest: PluginDescriptor;
  serverSha256: string;
  ui: UiBuildRecord | null;
  migrations: MigrationRecord[];
}): BuildRecord {
  return {
    id: input.manifest.id,
    version: input.manifest.version,
    manifest: input.manifest,
    server: { file: SERVER_FILE, sha256: input.serverSha256 },
    ui: input.ui,
    migrations: input.migrations,
  };
}

/** Stable JSON (two-space indent, trailing newline) so identical builds are byte-identical. */
export const serializeBuildRecord = (record: BuildRecord): string =>
  `${JSON.stringify(record, null, 2)}\n`;
