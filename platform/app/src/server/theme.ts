import type { ResolvedTenant } from "@omnify/core/tenancy/resolved-tenant";
import {
  applyBrandOverrides,
  type BrandOverrides,
  defaultThemeId,
  getTheme,
  isThemeId,
  type ThemeTokens,
} from "@omnify/themes";

/** The platform's own look, for its landing page and for hosts that match no tenant. */
export function platformTheme(): ThemeTokens {
  return applyBrandOverrides(getTheme(defaultThemeId), { productName: "Omnify" });
}

function overridesFrom(brand: Record<string, unknown>): BrandOverrides {
  const { productName, colors, logo } = brand as BrandOverrides;
  return {
    ...(typeof productName === "string" ? { productName } : {}),
    ...(colors && typeof colors === "object" ? { colors } : {}),
    ...(logo && typeof logo === "object" ? { logo } : {}),
  };
}

/**
 * The tenant's tokens: its theme, then the agency's white-label brand (a sub-account lives
 * under its agency's product), then the tenant's own brand. A brand the token schema
 * rejects is skipped rather than taking the page down; tenants-config validates it first.
 */
export function tenantTheme(tenant: ResolvedTenant): ThemeTokens {
  let tokens = getTheme(isThemeId(tenant.themeId) ? tenant.themeId : defaultThemeId);
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

/** Favicon as a data URI: the logo mark, or the product's initial on the primary colour. */
export function faviconFor(tokens: ThemeTokens): string {
  const svg =
    tokens.logo.svg ??
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="${tokens.radius.md}" fill="${tokens.colors.primary}"/><text x="16" y="22" font-family="sans-serif" font-size="18" font-weight="700" text-anchor="middle" fill="${tokens.colors.primaryForeground}">${escapeXml(tokens.logo.text.slice(0, 1).toUpperCase())}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
