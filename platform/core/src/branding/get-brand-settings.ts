import { eq, type Tx, tenants } from "@omnify/db";
import type { ThemeColors } from "@omnify/themes";
import { DomainError } from "../errors";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { type BrandColors, brandAssetPath, readStoredBrand } from "./brand-schema";
import { baseThemeFor } from "./brand-validation";
import { assertBrandOwner } from "./update-brand";

export type BrandSettings = {
  themeId: string;
  /** The base theme's colours, which the overrides sit on. */
  themeColors: ThemeColors;
  /** The stored product name, or null (the agency's name is used). */
  productName: string | null;
  defaultProductName: string;
  supportEmail: string | null;
  colors: BrandColors;
  logoUrl: string | null;
  faviconUrl: string | null;
};

/** The agency's brand as the editor shows it, read in the caller's transaction (not cached). */
export async function getBrandSettings(tx: Tx, tenant: ResolvedTenant): Promise<BrandSettings> {
  assertBrandOwner(tenant);
  const [row] = await tx
    .select({ brand: tenants.brand, themeId: tenants.themeId, name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, tenant.id));
  if (!row) throw new DomainError("NOT_FOUND", "Workspace not found");
  const brand = readStoredBrand(row.brand);
  const theme = baseThemeFor(row.themeId);
  return {
    themeId: theme.id,
    themeColors: theme.colors,
    productName: brand.productName ?? null,
    defaultProductName: row.name,
    supportEmail: brand.supportEmail ?? null,
    colors: brand.colors ?? {},
    logoUrl: brand.logoAsset ? brandAssetPath(brand.logoAsset) : null,
    faviconUrl: brand.faviconAsset ? brandAssetPath(brand.faviconAsset) : null,
  };
}
