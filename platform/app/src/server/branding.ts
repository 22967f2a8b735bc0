import { tenantFaviconPath } from "@omnify/core/branding/tenant-theme";
import type { ThemeTokens } from "@omnify/themes";
import { cache } from "react";
import { getHostInfo } from "./tenant";
import { platformTheme, tenantTheme } from "./theme";

export type Branding = {
  theme: ThemeTokens;
  /** White-label product name: the logo text. */
  productName: string;
  /** Whose workspace this is (the sub-account's own name for sub-accounts). */
  workspaceName: string | null;
  /** The agency's uploaded favicon (same-origin path), else null: drawn from the theme. */
  faviconUrl: string | null;
};

/** This host's look; the platform's own for the platform host and for unknown hosts. */
export const getBranding = cache(async (): Promise<Branding> => {
  const info = await getHostInfo();
  if (info.kind !== "tenant") {
    const theme = platformTheme();
    return { theme, productName: theme.logo.text, workspaceName: null, faviconUrl: null };
  }
  const theme = tenantTheme(info.tenant);
  return {
    theme,
    productName: theme.logo.text,
    workspaceName: info.tenant.name,
    faviconUrl: tenantFaviconPath(info.tenant),
  };
});
