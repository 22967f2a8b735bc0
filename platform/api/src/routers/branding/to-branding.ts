import type { ResolvedTenant } from "@omnify/core";
import type { GetBrandingOutput } from "./get-branding.types";

/** The public branding of a tenant: the portal's `branding.get` and REST `GET /branding`. */
export function toBranding(tenant: ResolvedTenant): GetBrandingOutput {
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
}
