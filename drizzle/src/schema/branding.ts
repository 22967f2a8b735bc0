import { sql } from "drizzle-orm";
import { check, customType, integer, text, unique, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/** drizzle 0.45 has no bytea column; postgres.js hands bytea over as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const brandAssetKinds = ["logo", "favicon"] as const;
export type BrandAssetKind = (typeof brandAssetKinds)[number];

/**
 * A tenant's uploaded brand images (logo, favicon), kept in the database so a brand moves
 * with the tenant and needs no file store. Addressed by the SHA-256 of the bytes, which is
 * also the URL, so browsers may cache them forever.
 */
export const brandAssets = tenantTable(
  "brand_assets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    kind: text("kind", { enum: brandAssetKinds }).notNull(),
    sha256: text("sha256").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    data: bytea("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("brand_assets_tenant_sha_key").on(t.tenantId, t.sha256),
    check("brand_assets_sha256_hex", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("brand_assets_size_check", sql`${t.byteSize} between 1 and 524288`),
  ],
);
