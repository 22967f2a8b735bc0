import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, extract } from "tar";

/**
 * Unpacks an export, lets the test change one file, and packs it again. With `rehash` the
 * manifest is updated to match (a well-formed archive with different data); without it the
 * archive is corrupted the way a damaged download would be.
 */
export async function repack(
  archive: string,
  file: string,
  change: (text: string) => string,
  opts: { rehash: boolean },
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "omnify-repack-"));
  try {
    await extract({ file: archive, cwd: dir });
    const text = change(await readFile(join(dir, file), "utf8"));
    await writeFile(join(dir, file), text);
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as {
      files: Array<{ path: string; sha256: string; bytes: number }>;
    };
    if (opts.rehash) {
      const entry = manifest.files.find((f) => f.path === file);
      if (entry) {
        entry.sha256 = createHash("sha256").update(text).digest("hex");
        entry.bytes = Buffer.byteLength(text);
      }
      await writeFile(join(dir, "manifest.json"), JSON.stringify(manifest));
    }
    const out = join(tmpdir(), `omnify-repacked-${randomUUID()}.tar.gz`);
    const names = ["manifest.json", ...manifest.files.map((f) => f.path)];
    await create({ gzip: true, file: out, cwd: dir, portable: true }, names);
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
