import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import {
  BUILD_RECORD_FILE,
  type BuildRecord,
  createBuildRecord,
  serializeBuildRecord,
} from "./build-record.ts";
import { PluginBuildError } from "./errors.ts";
import { readMigrations } from "./migrations.ts";
import { buildServer } from "./server-bundle.ts";
import { buildUi } from "./ui/build-ui.ts";

/**
 * `omnify-plugin build <dir>`: `dist/server.js`, `dist/ui/` (when the manifest declares UI
 * slots) and `dist/omnify-plugin.json`, the record the catalog registers. `dist/` is
 * rebuilt from scratch so no stale file can end up hashed into the record.
 */
export async function buildPluginDir(dir: string): Promise<BuildRecord> {
  const pluginDir = resolve(dir);
  if (!existsSync(join(pluginDir, "package.json"))) {
    throw new PluginBuildError(
      `${join(pluginDir, "package.json")}: not a plugin folder (no package.json)`,
    );
  }
  const distDir = join(pluginDir, "dist");
  await rm(distDir, { recursive: true, force: true });
  await mkdir(distDir, { recursive: true });

  const server = await buildServer(pluginDir);
  const { manifest } = server;
  // The web app finds a version's assets at plugins/<id>/dist, so the folder must be the id.
  if (basename(dirname(pluginDir)) === "plugins" && basename(pluginDir) !== manifest.id) {
    throw new PluginBuildError(
      `${pluginDir}: the folder must be named after the plugin id '${manifest.id}'`,
    );
  }
  const slots = manifest.capabilities.ui?.slots ?? [];
  const ui = slots.length > 0 ? await buildUi(pluginDir, manifest.id, slots) : null;
  const migrations = await readMigrations(pluginDir, Boolean(manifest.capabilities.db));
  const record = createBuildRecord({ manifest, serverSha256: server.sha256, ui, migrations });
  await writeFile(join(distDir, BUILD_RECORD_FILE), serializeBuildRecord(record));
  return record;
}
