import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { UiBuildRecord } from "@omnify/plugin-sdk/ui";
import { contentTypeFor, parseAssetPath } from "./asset-path";

/** The pinned UI record of a catalogued (id, version), or null when it is not in the catalog. */
export type CatalogUiLookup = (
  pluginId: string,
  version: string,
) => Promise<{ ui: UiBuildRecord | null } | null>;

export type ServeAssetDeps = { lookup: CatalogUiLookup; pluginsDir: string };

export const IMMUTABLE = "public, max-age=31536000, immutable";

const notFound = () =>
  new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });

/**
 * `/_plugins/<id>/<version>/<file>`: a file of a catalogued version's UI build, only if the
 * build record pins it and the bytes on disk still hash to the pinned value. The catalog is
 * global (any tenant may load any catalogued remote); what a tenant mounts is decided by
 * `plugins.enabledUi`, not here.
 */
export async function serveAsset(segments: readonly string[], deps: ServeAssetDeps) {
  const req = parseAssetPath(segments);
  if (!req) return notFound();
  const record = await deps.lookup(req.pluginId, req.version);
  const expected = record?.ui?.files[req.file];
  if (!expected) return notFound();

  const distDir = resolve(deps.pluginsDir, req.pluginId, "dist");
  const path = resolve(distDir, req.file);
  if (!path.startsWith(distDir + sep)) return notFound();
  // Read once, hash those bytes, serve those bytes: nothing can change in between.
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return notFound();
  }
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== expected) {
    console.error(
      `[plugins] ${req.pluginId}@${req.version} ${req.file}: sha256 ${actual} does not match the catalog's ${expected}; refusing to serve it`,
    );
    return new Response("Plugin asset does not match its pinned build", {
      status: 500,
      headers: { "cache-control": "no-store" },
    });
  }
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "content-type": contentTypeFor(req.file),
      "cache-control": IMMUTABLE,
      "x-content-type-options": "nosniff",
      etag: `"${expected}"`,
    },
  });
}

/** `<repo>/plugins`: the nearest folder above `from` whose package.json declares workspaces. */
export function findPluginsDir(from: string): string {
  for (let dir = resolve(from); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && "workspaces" in JSON.parse(readFileSync(pkg, "utf8"))) {
      return join(dir, "plugins");
    }
  }
  throw new Error(`no workspace root above ${from}; cannot find the plugins folder`);
}
