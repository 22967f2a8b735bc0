import { readFile } from "node:fs/promises";
import type { StoredObject } from "../context.ts";
import type { PluginDescriptor } from "../define-plugin.ts";
import type { TempStorage } from "./fake-storage.ts";

/**
 * What `POST /api/plugins/<id>/uploads` does, minus HTTP: sniff and measure the bytes with
 * core's probe (the same code the route runs), enforce the manifest's `capabilities.storage`,
 * store under the content-addressed key `<sha256>.<ext>`. Refusals read `file: <message>`.
 */
export async function uploadLikeTheRoute(
  manifest: PluginDescriptor,
  storage: TempStorage,
  tenantId: string,
  file: Uint8Array | string,
): Promise<StoredObject> {
  const caps = manifest.capabilities.storage;
  if (!caps) throw new Error(`${manifest.id} does not declare capabilities.storage`);
  const bytes = typeof file === "string" ? new Uint8Array(await readFile(file)) : file;
  if (bytes.length > caps.maxObjectMb * 1024 * 1024)
    throw new Error(`file: The file is larger than ${caps.maxObjectMb} MB`);
  // Core is an optional peer of the SDK: only uploads in tests need it.
  const { probeMedia } = await import("@omnify/core/storage/probe-media");
  const probed = await probeMedia(bytes, caps.accept).catch((e: Error & { field?: string }) => {
    throw new Error(e.field ? `${e.field}: ${e.message}` : e.message);
  });
  const { createHash } = await import("node:crypto");
  const key = `${createHash("sha256").update(bytes).digest("hex")}.${probed.ext}`;
  return storage.save({ tenantId, pluginId: manifest.id, key }, bytes, {
    contentType: probed.contentType,
    width: probed.width,
    height: probed.height,
    ...(probed.durationMs !== undefined ? { durationMs: probed.durationMs } : {}),
  });
}
