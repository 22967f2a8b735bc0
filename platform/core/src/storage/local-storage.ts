import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { assertSafePath, type ObjectStorage } from "./object-storage";

/** Files under one directory; a write lands under a temporary name and is renamed into place. */
export function createLocalStorage(root: string): ObjectStorage {
  const base = resolve(root);
  const fileOf = (path: string) => {
    assertSafePath(path);
    return join(base, ...path.split("/"));
  };
  return {
    kind: "local",
    async put(path, bytes) {
      const file = fileOf(path);
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${randomUUID()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    },
    async get(path, range) {
      const file = fileOf(path);
      const found = await stat(file).catch(() => null);
      if (!found?.isFile()) return null;
      return createReadStream(file, range ? { start: range.start, end: range.end } : {});
    },
    async delete(path) {
      await rm(fileOf(path), { force: true });
    },
  };
}
