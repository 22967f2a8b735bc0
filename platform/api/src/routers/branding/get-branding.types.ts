import { z } from "zod";

export const ZGetBrandingOutput = z.object({
  kind: z.enum(["agency", "subaccount"]),
  name: z.string(),
  slug: z.string(),
  themeId: z.string(),
  brand: z.record(z.string(), z.unknown()),
  agency: z.object({ name: z.string(), slug: z.string(), themeId: z.string() }),
});
export type GetBrandingOutput = z.infer<typeof ZGetBrandingOutput>;
