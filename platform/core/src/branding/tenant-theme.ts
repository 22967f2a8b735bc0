import { applyBrandOverrides, type BrandOverrides, type ThemeTokens } from "@omnify/themes";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { brandAssetPath, readStoredBrand } from "./brand-schema";
import { baseThemeFor } from "./brand-validation";

function overridesFrom(raw: Record<string, unknown>): BrandOverrides {
  const brand = readStoredBrand(raw);
  const logo: BrandOverrides["logo"] = {
    ...(typeof brand.logo?.text === "string" ? { text: brand.logo.text } : {}),
    ...(typeof brand.logo?.svg === "string" ? { svg: brand.logo.svg } : {}),
    ...(brand.logoAsset ? { imageUrl: brandAssetPath(brand.logoAsset) } : {}),
  };
  return {
    ...(brand.productName ? { productName: brand.productName } : {}),
    ...(brand.colors ? { colors: brand.colors } : {}),
    ...(Object.keys(logo).length > 0 ? { logo } : {}),
  };
}

/**
 * The tenant's tokens: its theme, then the agency's white-label brand (a sub-account lives
 * under its agency's product), then the tenant's own brand. A brand the token schema
 * rejects is skipped rather than taking the page down; the editor validates it first.
 */
export function tenantTheme(tenant: ResolvedTenant): ThemeTokens {
  let tokens = baseThemeFor(tenant.themeId);
  const layers: BrandOverrides[] = [
    { productName: tenant.agency.name },
    overridesFrom(tenant.agency.brand),
    ...(tenant.kind === "subaccount" ? [overridesFrom(tenant.brand)] : []),
  ];
  for (const layer of layers) {
    try {
      tokens = applyBrandOverrides(tokens, layer);
    } catch (error) {
      console.warn(`[omnify] ignoring invalid brand of tenant ${tenant.slug}:`, error);
    }
  }
  return tokens;
}

/** The agency's uploaded favicon path, or null (the page then draws one from the theme). */
export function tenantFaviconPath(tenant: ResolvedTenant): string | null {
  const hash = readStoredBrand(tenant.agency.brand).faviconAsset;
  return hash ? brandAssetPath(hash) : null;
}

/** The support address mails and pages offer: the agency's brand setting, if any. */
export function tenantSupportEmail(tenant: ResolvedTenant): string | null {
  return readStoredBrand(tenant.agency.brand).supportEmail ?? null;
}
