import { tenantPublicProcedure } from "../../trpc";
import { ZGetBrandingOutput } from "./get-branding.types";
import { toBranding } from "./to-branding";

/** Public: what a branded sign-in page needs for the host's tenant. */
export const getBrandingRoute = tenantPublicProcedure
  .output(ZGetBrandingOutput)
  .query(({ ctx }) => toBranding(ctx.tenant));
