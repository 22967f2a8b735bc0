import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

export const sha256Hex = (data: string | Uint8Array): string =>
  createHash("sha256").update(data).digest("hex");

/** Every file below `dir`, as forward-slash paths relative to `base`, sorted. */
export async function listFiles(dir: string, base: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(base, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

/** `{ "<path relative to base>": sha256 }` for every file below `dir`. */
export async function hashFiles(dir: string, base: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of await listFiles(dir, base)) {
    out[path] = sha256Hex(await readFile(join(base, path)));
  }
  return out;
}
