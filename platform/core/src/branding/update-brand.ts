import { type AppDatabase, and, brandAssets, eq, inArray, not, type Tx, tenants } from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
import { DomainError } from "../errors";
import { clearTenantCache } from "../tenancy/resolve-tenant";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { readStoredBrand, type StoredBrand } from "./brand-schema";
import { type BrandTextInput, validateBrandText } from "./brand-validation";
import { type InspectedAsset, inspectBrandAsset } from "./inspect-asset";

/** Keep the current image, replace it with uploaded bytes, or remove it. */
export type AssetChange = { keep: true } | { upload: Uint8Array } | { remove: true };

export type UpdateBrandInput = BrandTextInput & { logo: AssetChange; favicon: AssetChange };

/** The white-label brand belongs to the agency; its sub-accounts inherit it. */
export function assertBrandOwner(tenant: Pick<ResolvedTenant, "kind">): void {
  if (tenant.kind !== "agency")
    throw new DomainError(
      "FORBIDDEN",
      "Only an agency sets the white-label brand; sub-accounts use their agency's",
    );
}

async function inspect(kind: "logo" | "favicon", change: AssetChange) {
  return "upload" in change ? inspectBrandAsset(kind, change.upload) : null;
}

function nextHash(current: string | undefined, change: AssetChange, asset: InspectedAsset | null) {
  if (asset) return asset.sha256;
  return "remove" in change ? undefined : current;
}

const changedKeys = (a: StoredBrand, b: StoredBrand) =>
  (["productName", "supportEmail", "colors", "logoAsset", "faviconAsset"] as const).filter(
    (k) => JSON.stringify(a[k] ?? null) !== JSON.stringify(b[k] ?? null),
  );

/**
 * Saves the agency's brand in the caller's tenant transaction: everything is validated
 * (text, WCAG AA contrast, image bytes) before the first write, so a refusal changes
 * nothing; new images go into `brand_assets`, images no longer used are deleted, and the
 * change is audited as `brand.updated`. Returns the stored brand.
 */
export async function updateBrand(
  tx: Tx,
  db: AppDatabase,
  input: {
    tenant: ResolvedTenant;
    actorUserId: string;
    data: UpdateBrandInput;
    request?: RequestMeta | null;
  },
): Promise<StoredBrand> {
  const { tenant, data } = input;
  assertBrandOwner(tenant);
  const text = validateBrandText(tenant.themeId, data);
  const logo = await inspect("logo", data.logo);
  const favicon = await inspect("favicon", data.favicon);

  const [row] = await tx
    .select({ brand: tenants.brand })
    .from(tenants)
    .where(eq(tenants.id, tenant.id))
    .for("update");
  if (!row) throw new DomainError("NOT_FOUND", "Workspace not found");
  const before = readStoredBrand(row.brand);
  const { productName, supportEmail, colors, logoAsset, faviconAsset, ...rest } = before;
  const after: StoredBrand = {
    ...rest,
    ...(text.productName ? { productName: text.productName } : {}),
    ...(text.supportEmail ? { supportEmail: text.supportEmail } : {}),
    ...(Object.keys(text.colors).length > 0 ? { colors: text.colors } : {}),
  };
  const nextLogo = nextHash(logoAsset, data.logo, logo);
  const nextFavicon = nextHash(faviconAsset, data.favicon, favicon);
  if (nextLogo) after.logoAsset = nextLogo;
  if (nextFavicon) after.faviconAsset = nextFavicon;

  for (const asset of [logo, favicon]) {
    if (!asset) continue;
    await tx
      .insert(brandAssets)
      .values({
        tenantId: tenant.id,
        kind: asset.kind,
        sha256: asset.sha256,
        contentType: asset.contentType,
        byteSize: asset.bytes.length,
        width: asset.width,
        height: asset.height,
        data: asset.bytes,
      })
      .onConflictDoNothing();
  }
  await tx
    .update(tenants)
    .set({ brand: after, updatedAt: new Date() })
    .where(eq(tenants.id, tenant.id));
  const used = [nextLogo, nextFavicon].filter((h): h is string => Boolean(h));
  await tx
    .delete(brandAssets)
    .where(
      used.length > 0
        ? and(eq(brandAssets.tenantId, tenant.id), not(inArray(brandAssets.sha256, used)))
        : eq(brandAssets.tenantId, tenant.id),
    );
  await recordAudit(tx, {
    action: "brand.updated",
    actor: { userId: input.actorUserId },
    target: { type: "tenant", id: tenant.id },
    request: input.request,
    metadata: { changed: changedKeys(before, after) },
  });
  clearTenantCache(db);
  return after;
}
