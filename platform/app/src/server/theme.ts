import { applyBrandOverrides, defaultThemeId, getTheme, type ThemeTokens } from "@omnify/themes";

/** The platform's own look, for its landing page and for hosts that match no tenant. */
export function platformTheme(): ThemeTokens {
  return applyBrandOverrides(getTheme(defaultThemeId), { productName: "Omnify" });
}

/**
 * The tenant's tokens (theme, then the agency's brand, then a sub-account's own); lives in
 * core so e-mails render with the same look as the pages.
 */
export { tenantTheme } from "@omnify/core/branding/tenant-theme";

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
