import { type AssetChange, getBrandSettings, updateBrand } from "@omnify/core";
import { adminProcedure } from "../../trpc";
import { ZBrandSettings, ZUpdateBrandInput } from "./brand-settings.types";

const toChange = (input: { keep: true } | { remove: true } | { upload: string }): AssetChange =>
  "upload" in input ? { upload: Buffer.from(input.upload, "base64") } : input;

/**
 * Agency owners/admins: saves the whole brand in the request's transaction. Refusals are
 * BAD_REQUEST with `fieldErrors` keyed `productName`, `supportEmail`, `colors.<token>`,
 * `logo`, `favicon`; nothing is written then. Audited as `brand.updated`.
 */
export const updateBrandRoute = adminProcedure
  .input(ZUpdateBrandInput)
  .output(ZBrandSettings)
  .mutation(async ({ ctx, input }) => {
    await updateBrand(ctx.tx, ctx.db, {
      tenant: ctx.tenant,
      actorUserId: ctx.user.id,
      data: { ...input, logo: toChange(input.logo), favicon: toChange(input.favicon) },
      request: { ip: ctx.ip, userAgent: ctx.userAgent ?? null },
    });
    return getBrandSettings(ctx.tx, ctx.tenant);
  });
