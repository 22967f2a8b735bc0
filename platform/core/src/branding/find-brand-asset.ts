import { type AppDatabase, and, brandAssets, eq } from "@omnify/db";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";

export type BrandAssetFile = { contentType: string; data: Buffer; sha256: string };

/**
 * A brand image by content hash, as the host's tenant sees it: its own, else its agency's
 * (sub-accounts inherit the agency brand). Brand images are public, like the sign-in page.
 */
export async function findBrandAsset(
  db: AppDatabase,
  tenant: ResolvedTenant,
  sha256: string,
): Promise<BrandAssetFile | null> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
  const owners = tenant.kind === "subaccount" ? [tenant.id, tenant.agency.id] : [tenant.id];
  for (const owner of owners) {
    const [row] = await db.withTenant(owner, (tx) =>
      tx
        .select({
          contentType: brandAssets.contentType,
          data: brandAssets.data,
          sha256: brandAssets.sha256,
        })
        .from(brandAssets)
        .where(and(eq(brandAssets.tenantId, owner), eq(brandAssets.sha256, sha256))),
    );
    if (row) return row;
  }
  return null;
}
