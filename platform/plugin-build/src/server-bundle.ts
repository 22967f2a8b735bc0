import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildPlugin } from "@omnify/plugin-host";
import type { PluginDescriptor } from "@omnify/plugin-sdk";
import { SERVER_FILE } from "./build-record.ts";
import { PluginBuildError } from "./errors.ts";

export const SERVER_ENTRY = "src/server/index.ts";

/**
 * Bundles `src/server/index.ts` with the host's own bundler and reads the manifest in a
 * real sandbox (the same checks the runtime applies), then writes `dist/server.js`.
 */
export async function buildServer(
  pluginDir: string,
): Promise<{ sha256: string; manifest: PluginDescriptor }> {
  const entry = join(pluginDir, SERVER_ENTRY);
  if (!existsSync(entry)) {
    throw new PluginBuildError(
      `${entry}: missing; it must default-export definePlugin({ ...config, server })`,
    );
  }
  let built: Awaited<ReturnType<typeof buildPlugin>>;
  try {
    built = await buildPlugin(entry, { root: pluginDir });
  } catch (e) {
    throw new PluginBuildError(`${entry}: ${e instanceof Error ? e.message : String(e)}`);
  }
  await writeFile(join(pluginDir, "dist", SERVER_FILE), built.code);
  return { sha256: built.sha256, manifest: built.manifest };
}
