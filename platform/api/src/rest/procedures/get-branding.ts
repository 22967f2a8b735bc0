import { ZGetBrandingOutput } from "../../routers/branding/get-branding.types";
import { toBranding } from "../../routers/branding/to-branding";
import { apiKeyProcedure } from "../init";

/** GET /branding: the key's tenant's public branding. */
export const getBrandingRest = apiKeyProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/branding",
      scope: "settings:read",
      summary: "The workspace's branding",
      tags: ["settings"],
    },
  })
  .output(ZGetBrandingOutput)
  .query(({ ctx }) => toBranding(ctx.tenant));
