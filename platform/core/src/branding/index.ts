export {
  type BrandColors,
  brandAssetPath,
  readStoredBrand,
  type StoredBrand,
  storedBrandSchema,
} from "./brand-schema";
export { BrandValidationError, baseThemeFor, validateBrandText } from "./brand-validation";
export { type BrandAssetFile, findBrandAsset } from "./find-brand-asset";
export { type BrandSettings, getBrandSettings } from "./get-brand-settings";
export { BRAND_ASSET_RULES, type InspectedAsset, inspectBrandAsset } from "./inspect-asset";
export { tenantFaviconPath, tenantSupportEmail, tenantTheme } from "./tenant-theme";
export {
  type AssetChange,
  assertBrandOwner,
  type UpdateBrandInput,
  updateBrand,
} from "./update-brand";
