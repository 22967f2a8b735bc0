import { readFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { contentTypeFor } from "../plugins-ui/server/asset-path";
import { findPluginsDir } from "../plugins-ui/server/serve-asset";

const IMMUTABLE = "public, max-age=31536000, immutable";
const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  webmanifest: "application/manifest+json",
  mp4: "video/mp4",
  webm: "video/webm",
};
const typeOf = (file: string) =>
  TYPES[file.slice(file.lastIndexOf(".") + 1).toLowerCase()] ?? contentTypeFor(file);

/** `<repo>/screen-client/dist`, the player's static build. */
export function screenDistDir(cwd: string): string {
  return join(dirname(findPluginsDir(cwd)), "screen-client", "dist");
}

const missingBuild = () =>
  new Response(
    `<!doctype html><meta charset="utf-8"><title>Screen player not built</title>
<h1>The screen player is not built</h1>
<p>Build it with <code>npm run build -w @omnify/screen-client</code> (npm start does this), then reload.</p>`,
    {
      status: 503,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    },
  );

/**
 * `/screen/…` from the player's build: `index.html` (and any path without a file, so the
 * player's own routes load it) is never cached, the service worker revalidates, and hashed
 * `assets/*` are immutable. Nothing outside `dist` is reachable.
 */
export async function serveScreenFile(segments: readonly string[], distDir: string) {
  const wanted = segments.length === 0 ? "index.html" : segments.join("/");
  const path = resolve(distDir, wanted);
  if (!path.startsWith(distDir + sep)) return new Response("Not found", { status: 404 });
  const isAsset = segments[0] === "assets";
  const file = await readFile(path).then(
    (bytes) => ({ bytes, name: wanted }),
    () => null,
  );
  // Unknown non-asset paths fall back to the app shell; a missing asset is a real 404.
  const found =
    file ??
    (isAsset || wanted.includes(".")
      ? null
      : await readFile(join(distDir, "index.html")).then(
          (bytes) => ({ bytes, name: "index.html" }),
          () => null,
        ));
  if (!found) {
    const shell = await readFile(join(distDir, "index.html")).catch(() => null);
    return shell ? new Response("Not found", { status: 404 }) : missingBuild();
  }
  return new Response(new Uint8Array(found.bytes), {
    status: 200,
    headers: {
      "content-type": typeOf(found.name),
      "cache-control": isAsset && file ? IMMUTABLE : "no-cache",
      "x-content-type-options": "nosniff",
      // Next redirects /screen/ to /screen, which a worker at /screen/sw.js could not control
      // with its default scope (/screen/); this lets the player register { scope: "/screen" }.
      ...(found.name === "sw.js" ? { "service-worker-allowed": "/screen" } : {}),
    },
  });
}
