import { z } from "zod";

export const ZFindSubaccountsOutput = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: z.string(),
      themeId: z.string(),
      portalUrl: z.string(),
    }),
  ),
});
export type FindSubaccountsOutput = z.infer<typeof ZFindSubaccountsOutput>;
