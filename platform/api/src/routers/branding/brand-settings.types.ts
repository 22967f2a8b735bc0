import { z } from "zod";

const hex = z.string().max(7);

export const ZBrandSettings = z.object({
  themeId: z.string(),
  themeColors: z.record(z.string(), z.string()),
  productName: z.string().nullable(),
  defaultProductName: z.string(),
  supportEmail: z.string().nullable(),
  colors: z.record(z.string(), z.string()),
  logoUrl: z.string().nullable(),
  faviconUrl: z.string().nullable(),
});
export type BrandSettingsOutput = z.infer<typeof ZBrandSettings>;

/** 2 MB of base64 is far above both limits: the size refusal then comes from core, by name. */
const base64 = z
  .string()
  .max(2_000_000, { message: "The file is far over the size limit" })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: "The file must be sent base64-encoded" });

const ZAssetChange = z.union([
  z.object({ keep: z.literal(true) }),
  z.object({ remove: z.literal(true) }),
  z.object({ upload: base64 }),
]);

export const ZUpdateBrandInput = z.object({
  productName: z.string().max(200).nullable(),
  supportEmail: z.string().max(320).nullable(),
  colors: z.record(z.string().max(40), hex),
  logo: ZAssetChange,
  favicon: ZAssetChange,
});
export type UpdateBrandRouteInput = z.infer<typeof ZUpdateBrandInput>;
