import { findBrandAsset } from "@omnify/core/branding/find-brand-asset";
import { getDeps } from "../../../server/deps";
import { getTenant } from "../../../server/tenant";

/**
 * GET /brand-assets/<sha256>: an uploaded logo or favicon of this host's agency. The URL is
 * the content hash, so the response never changes and may be cached forever; the type is
 * the one sniffed at upload, and nosniff keeps browsers from guessing another.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ hash: string }> }) {
  const { hash } = await params;
  const tenant = await getTenant();
  const file = tenant ? await findBrandAsset(getDeps().db, tenant, hash) : null;
  if (!file) {
    return new Response("Not found", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return new Response(new Uint8Array(file.data), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.data.length),
      "cache-control": "public, max-age=31536000, immutable",
      etag: `"${file.sha256}"`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
