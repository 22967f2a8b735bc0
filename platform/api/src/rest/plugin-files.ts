import { Readable } from "node:stream";
import {
  type ByteRange,
  type ObjectStorage,
  pluginObjectPath,
  statPluginObject,
  verifyPluginFileSignature,
} from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import { STORAGE_KEY } from "@omnify/plugin-sdk/manifest";
import { errorJson } from "./json-response";

export type PluginFileDeps = { db: AppDatabase; storage: ObjectStorage; omnifySecret: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const notFound = () => errorJson(404, "NOT_FOUND", "No such file");

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` → an inclusive range; "invalid" if unsatisfiable. */
function parseRange(header: string | null, size: number): ByteRange | "invalid" | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return "invalid";
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? "invalid" : { start, end };
}

/**
 * `GET /api/plugin-files/<tenantId>/<pluginId>/<key>?sig=…`: the bytes of one plugin object,
 * to anyone holding the HMAC-signed URL (screens, <img>, <video>). Keys are content-addressed,
 * so the answer is immutable; Range requests are answered for video seeking.
 */
export function createPluginFileHandler(deps: PluginFileDeps) {
  return async (req: Request, segments: string[]): Promise<Response> => {
    const [tenantId, pluginId, ...rest] = segments;
    const key = rest.join("/");
    if (!tenantId || !UUID.test(tenantId) || !pluginId || !SLUG.test(pluginId)) return notFound();
    if (!STORAGE_KEY.test(key)) return notFound();
    const sig = new URL(req.url).searchParams.get("sig") ?? "";
    if (!verifyPluginFileSignature(deps.omnifySecret, { tenantId, pluginId, key }, sig))
      return errorJson(403, "FORBIDDEN", "This file link is not valid");
    const info = await deps.db.withTenant(tenantId, (tx) =>
      statPluginObject(tx, { pluginId, key }),
    );
    if (!info) return notFound();
    const headers = new Headers({
      "content-type": info.contentType,
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "accept-ranges": "bytes",
      etag: `"${info.sha256}"`,
    });
    if (req.headers.get("if-none-match") === `"${info.sha256}"`)
      return new Response(null, { status: 304, headers });
    const range = parseRange(req.headers.get("range"), info.size);
    if (range === "invalid") {
      headers.set("content-range", `bytes */${info.size}`);
      return new Response(null, { status: 416, headers });
    }
    const body = await deps.storage.get(
      pluginObjectPath({ tenantId, pluginId, key }),
      range ?? undefined,
    );
    if (!body) return notFound();
    const length = range ? range.end - range.start + 1 : info.size;
    headers.set("content-length", String(length));
    if (range) headers.set("content-range", `bytes ${range.start}-${range.end}/${info.size}`);
    const stream =
      req.method === "HEAD" ? null : (Readable.toWeb(body) as ReadableStream<Uint8Array>);
    if (!stream) body.destroy();
    return new Response(stream, { status: range ? 206 : 200, headers });
  };
}
