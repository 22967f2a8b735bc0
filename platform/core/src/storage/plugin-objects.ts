import { createHash } from "node:crypto";
import { and, eq, pluginObjects, type Tx } from "@omnify/db";
import type { ObjectStorage } from "./object-storage";

/** Where an object lives in storage: namespaced by tenant and plugin, so keys cannot collide. */
export const pluginObjectPath = (o: { tenantId: string; pluginId: string; key: string }) =>
  `${o.tenantId}/${o.pluginId}/${o.key}`;

export type PluginObjectInfo = {
  key: string;
  size: number;
  contentType: string;
  sha256: string;
  width?: number;
  height?: number;
  durationMs?: number;
};

export const sha256Hex = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/**
 * Stores the bytes, then records (or replaces) the object's row in the transaction's tenant.
 * Bytes first: a row never points at nothing; an orphan file from a rolled-back row is
 * overwritten by the next put of the same key.
 */
export async function putPluginObject(
  tx: Tx,
  storage: ObjectStorage,
  o: {
    tenantId: string;
    pluginId: string;
    key: string;
    bytes: Uint8Array;
    contentType: string;
    width?: number;
    height?: number;
    durationMs?: number;
  },
): Promise<PluginObjectInfo> {
  const sha256 = sha256Hex(o.bytes);
  await storage.put(pluginObjectPath(o), o.bytes, o.contentType);
  const row = {
    tenantId: o.tenantId,
    pluginId: o.pluginId,
    key: o.key,
    size: o.bytes.length,
    contentType: o.contentType,
    sha256,
    width: o.width ?? null,
    height: o.height ?? null,
    durationMs: o.durationMs ?? null,
  };
  await tx
    .insert(pluginObjects)
    .values(row)
    .onConflictDoUpdate({
      target: [pluginObjects.tenantId, pluginObjects.pluginId, pluginObjects.key],
      set: { ...row, createdAt: new Date() },
    });
  return toInfo(row);
}

function toInfo(r: {
  key: string;
  size: number;
  contentType: string;
  sha256: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
}): PluginObjectInfo {
  return {
    key: r.key,
    size: r.size,
    contentType: r.contentType,
    sha256: r.sha256,
    ...(r.width !== null ? { width: r.width } : {}),
    ...(r.height !== null ? { height: r.height } : {}),
    ...(r.durationMs !== null ? { durationMs: r.durationMs } : {}),
  };
}

/** The object's probed facts in the transaction's tenant (RLS), or null. */
export async function statPluginObject(
  tx: Tx,
  o: { pluginId: string; key: string },
): Promise<PluginObjectInfo | null> {
  const [row] = await tx
    .select()
    .from(pluginObjects)
    .where(and(eq(pluginObjects.pluginId, o.pluginId), eq(pluginObjects.key, o.key)));
  return row ? toInfo(row) : null;
}

/** Deletes the row (RLS: only the transaction's tenant's), then the bytes if a row existed. */
export async function deletePluginObject(
  tx: Tx,
  storage: ObjectStorage,
  o: { tenantId: string; pluginId: string; key: string },
): Promise<void> {
  const gone = await tx
    .delete(pluginObjects)
    .where(and(eq(pluginObjects.pluginId, o.pluginId), eq(pluginObjects.key, o.key)))
    .returning({ key: pluginObjects.key });
  if (gone.length > 0) await storage.delete(pluginObjectPath(o));
}
