import { ZGetBrandingOutput } from "../../routers/branding/get-branding.types";
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
  .query(({ ctx }) => {
    const { tenant } = ctx;
    return {
      kind: tenant.kind,
      name: tenant.name,
      slug: tenant.slug,
      themeId: tenant.themeId,
      brand: tenant.brand,
      agency: {
        name: tenant.agency.name,
        slug: tenant.agency.slug,
        themeId: tenant.agency.themeId,
      },
    };
  });
