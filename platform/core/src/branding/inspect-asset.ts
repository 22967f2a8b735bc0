import { createHash } from "node:crypto";
import type { BrandAssetKind } from "@omnify/db";
import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import { badInput } from "../errors";

type AssetRule = { field: string; label: string; maxBytes: number; types: Record<string, string> };

/** What each brand image may be; sniffed from the bytes, never from a name or a claimed type. */
export const BRAND_ASSET_RULES: Record<BrandAssetKind, AssetRule> = {
  logo: {
    field: "logo",
    label: "Logo",
    maxBytes: 512 * 1024,
    types: { "image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP" },
  },
  favicon: {
    field: "favicon",
    label: "Favicon",
    maxBytes: 64 * 1024,
    types: { "image/png": "PNG", "image/x-icon": "ICO" },
  },
};

export type InspectedAsset = {
  kind: BrandAssetKind;
  bytes: Buffer;
  sha256: string;
  contentType: string;
  width: number;
  height: number;
};

const kib = (n: number) => `${Math.round(n / 1024)} KB`;

/** SVG is text, so file-type does not name it; it can carry script, so it gets its own refusal. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/i.test(
    head,
  );
}

/**
 * Checks an uploaded brand image: size limit, real type from its bytes, readable
 * dimensions. Refusals are BAD_INPUT naming the `logo` / `favicon` field.
 */
export async function inspectBrandAsset(
  kind: BrandAssetKind,
  bytes: Uint8Array,
): Promise<InspectedAsset> {
  const rule = BRAND_ASSET_RULES[kind];
  const allowed = Object.values(rule.types).join(", ");
  const refuse = (message: string) => badInput(rule.field, `${rule.label}: ${message}`);
  if (bytes.length === 0) throw refuse("the file is empty");
  if (bytes.length > rule.maxBytes)
    throw refuse(`the file is ${kib(bytes.length)}; the limit is ${kib(rule.maxBytes)}`);
  if (looksLikeSvg(bytes))
    throw refuse(`SVG is not accepted (it can carry script); upload ${allowed}`);
  const sniffed = await fileTypeFromBuffer(bytes);
  if (!sniffed || !rule.types[sniffed.mime])
    throw refuse(
      `${sniffed ? `a ${sniffed.ext.toUpperCase()} file` : "this is not an image"} is not accepted; upload ${allowed}`,
    );
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw refuse("the image could not be read; it may be damaged");
  }
  if (!size.width || !size.height) throw refuse("the image has no dimensions");
  const buffer = Buffer.from(bytes);
  return {
    kind,
    bytes: buffer,
    sha256: createHash("sha256").update(buffer).digest("hex"),
    contentType: sniffed.mime,
    width: size.width,
    height: size.height,
  };
}
