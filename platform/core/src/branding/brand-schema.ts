import { colorsSchema } from "@omnify/themes";
import { z } from "zod";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** The colours a brand editor may set; every theme token, each optional. */
export const brandColorsSchema = colorsSchema.partial();
export type BrandColors = z.infer<typeof brandColorsSchema>;

/**
 * What `tenants.brand` holds. Older rows (tenants-config) may carry only `productName`,
 * `colors` and an inline `logo`; anything unknown is kept but ignored.
 */
export const storedBrandSchema = z.looseObject({
  productName: z.string().trim().min(1).max(60).optional(),
  supportEmail: z.email().max(254).optional(),
  colors: brandColorsSchema.optional(),
  logo: z.looseObject({ text: z.string().optional(), svg: z.string().optional() }).optional(),
  /** SHA-256 of the uploaded logo in `brand_assets`. */
  logoAsset: sha256.optional(),
  faviconAsset: sha256.optional(),
});
export type StoredBrand = z.infer<typeof storedBrandSchema>;

/** The stored brand, or an empty one when the JSON does not fit (never fails a page). */
export function readStoredBrand(raw: unknown): StoredBrand {
  const parsed = storedBrandSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  // Keep the fields that do parse, one by one, so one bad value does not hide the rest.
  const out: Record<string, unknown> = {};
  const shape = storedBrandSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const value = (raw as Record<string, unknown>)?.[key];
    if (shape[key].safeParse(value).success) out[key] = value;
  }
  return out as StoredBrand;
}

/** The path a brand asset is served at: content-addressed, so cacheable forever. */
export function brandAssetPath(hash: string): string {
  return `/brand-assets/${hash}`;
}
