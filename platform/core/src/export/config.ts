import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Where export archives (and uploaded imports, until imported) live: OMNIFY_EXPORT_DIR, or a
 * directory under the OS temp dir. The web app (downloads, uploads) and the worker (writes)
 * must see the same directory; `npm start` puts it under the data dir.
 */
export function exportDirFrom(value: string | undefined): string {
  return value?.trim() ? value.trim() : join(tmpdir(), "omnify-exports");
}
