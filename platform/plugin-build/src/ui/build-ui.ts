import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { remoteNameFor, type UiBuildRecord, type UiSlot } from "@omnify/plugin-sdk/ui";
import { createRsbuild } from "@rsbuild/core";
import { PluginBuildError } from "../errors.ts";
import { hashFiles, sha256Hex } from "../hash.ts";
import { uiBoundaryPlugin } from "./boundary.ts";
import { exposesFor } from "./exposes.ts";
import { UI_DIST, uiRsbuildConfig } from "./rsbuild-config.ts";

const MANIFEST_FILE = "ui/mf-manifest.json";
/** Written by the MF plugin for tooling; it carries local build details and the portal never reads it. */
const DROPPED = ["mf-stats.json"];

/** Builds `src/ui/<Slot>.tsx` for each declared slot into a federated remote in `dist/ui/`. */
export async function buildUi(
  pluginDir: string,
  pluginId: string,
  slots: readonly UiSlot[],
): Promise<UiBuildRecord> {
  const remoteName = remoteNameFor(pluginId);
  const violations: string[] = [];
  const rsbuild = await createRsbuild({
    cwd: pluginDir,
    loadEnv: false,
    rsbuildConfig: uiRsbuildConfig({
      remoteName,
      exposes: exposesFor(pluginDir, slots),
      extraPlugins: [uiBoundaryPlugin(pluginDir, violations)],
    }),
  });
  try {
    const result = await rsbuild.build();
    await result.close();
  } catch (e) {
    if (violations.length > 0) throw new PluginBuildError(violations.join("\n"));
    throw new PluginBuildError(`UI build failed in ${join(pluginDir, "src/ui")}:\n${String(e)}`);
  }
  if (violations.length > 0) throw new PluginBuildError(violations.join("\n"));

  const distDir = join(pluginDir, "dist");
  for (const file of DROPPED) await rm(join(distDir, "ui", file), { force: true });
  const manifestPath = join(distDir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    throw new PluginBuildError(`${manifestPath}: the UI build emitted no federation manifest`);
  }
  return {
    remoteName,
    manifestFile: MANIFEST_FILE,
    manifestSha256: sha256Hex(await readFile(manifestPath)),
    files: await hashFiles(join(pluginDir, UI_DIST), distDir),
  };
}
