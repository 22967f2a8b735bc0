import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { HostSinks } from "@omnify/plugin-host";
import type { StoredObject } from "../context.ts";

/**
 * `ctx.storage` for tests: bytes in a temporary directory under `<tenant>/<plugin>/<key>`,
 * facts in memory keyed the same way, so one tenant's key never finds another's object.
 * URLs have the production shape with a fixed `sig=test`.
 */
export async function createTempStorage() {
  const root = await mkdtemp(join(tmpdir(), "omnify-plugin-storage-"));
  const objects = new Map<string, StoredObject>();
  const path = (o: { tenantId: string; pluginId: string; key: string }) =>
    `${o.tenantId}/${o.pluginId}/${o.key}`;
  const save = async (
    o: { tenantId: string; pluginId: string; key: string },
    bytes: Uint8Array,
    facts: Omit<StoredObject, "key" | "size" | "sha256">,
  ): Promise<StoredObject> => {
    const file = join(root, path(o));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
    const stored: StoredObject = {
      key: o.key,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      ...facts,
    };
    objects.set(path(o), stored);
    return { ...stored };
  };
  const sinks: Pick<HostSinks, "statObject" | "objectUrl" | "putObject" | "deleteObject"> = {
    statObject: async (o) => {
      const found = objects.get(path(o));
      return found ? { ...found } : null;
    },
    objectUrl: async (o) => `/api/plugin-files/${path(o)}?sig=test`,
    putObject: async (o) => {
      const s = await save(o, o.bytes, { contentType: o.contentType });
      return { key: s.key, size: s.size, sha256: s.sha256 };
    },
    deleteObject: async (o) => {
      objects.delete(path(o));
      await rm(join(root, path(o)), { force: true });
    },
  };
  return {
    sinks,
    root,
    save,
    close: () => rm(root, { recursive: true, force: true }),
  };
}
export type TempStorage = Awaited<ReturnType<typeof createTempStorage>>;
