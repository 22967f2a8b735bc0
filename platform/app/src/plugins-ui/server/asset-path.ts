import { SEMVER, SLUG } from "@omnify/plugin-sdk/manifest";

/** One path segment of a served file: plain characters, never `.`/`..` or a hidden separator. */
const SEGMENT = /^[A-Za-z0-9_@-][A-Za-z0-9._@-]*$/;

export type AssetRequest = { pluginId: string; version: string; file: string };

/**
 * `[id, version, ...file]` from `/_plugins/<id>/<version>/<file>`, or null for anything that
 * is not a plain path (traversal, encoded separators, odd characters). `file` is relative to
 * the version's `dist/`, the same key the build record's `ui.files` uses.
 */
export function parseAssetPath(segments: readonly string[]): AssetRequest | null {
  const [pluginId, version, ...rest] = segments;
  if (!pluginId || !version || rest.length === 0) return null;
  if (!SLUG.test(pluginId) || !SEMVER.test(version)) return null;
  if (!rest.every((s) => SEGMENT.test(s) && !s.includes(".."))) return null;
  return { pluginId, version, file: rest.join("/") };
}

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  json: "application/json; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  ico: "image/x-icon",
  woff: "font/woff",
  woff2: "font/woff2",
  txt: "text/plain; charset=utf-8",
};

/** Content type by extension; unknown kinds are served as opaque bytes (never sniffed). */
export function contentTypeFor(file: string): string {
  const ext = file.slice(file.lastIndexOf(".") + 1).toLowerCase();
  return TYPES[ext] ?? "application/octet-stream";
}
