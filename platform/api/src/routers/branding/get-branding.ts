import { tenantPublicProcedure } from "../../trpc";
import { type GetBrandingOutput, ZGetBrandingOutput } from "./get-branding.types";

/** Public: what a branded sign-in page needs for the host's tenant. */
export const getBrandingRoute = tenantPublicProcedure
  .output(ZGetBrandingOutput)
  .query(({ ctx }): GetBrandingOutput => {
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
