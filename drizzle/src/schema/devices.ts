import { sql } from "drizzle-orm";
import { index, inet, pgPolicy, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { definerReadPolicy, definerRole } from "../policies/tenant";
import { createdAt, timestamptz } from "./columns";
import { tenants } from "./tenancy";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/**
 * Screens paired with a tenant. The device token is `<id>.<secret>`; only the secret's
 * SHA-256 is stored, and it stays null until the screen has collected its token once.
 */
export const devices = tenantTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    name: text("name").notNull(),
    tokenHash: text("token_hash"),
    createdAt: createdAt(),
    lastSeenAt: timestamptz("last_seen_at"),
    lastIp: inet("last_ip"),
    appVersion: text("app_version"),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [index("devices_tenant_idx").on(t.tenantId, t.createdAt), definerReadPolicy()],
);

/**
 * Pairing codes a screen asks for before it belongs to anyone. Not tenant-owned until an
 * admin claims the code, so the app role has no grant on it at all: it is reached only
 * through SECURITY DEFINER functions in app.* owned by omnify_definer (see migration).
 */
export const devicePairings = pgTable(
  "device_pairings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    pollTokenHash: text("poll_token_hash").notNull(),
    expiresAt: timestamptz("expires_at").notNull(),
    claimedTenantId: uuid("claimed_tenant_id").references(() => tenants.id, {
      onDelete: "cascade",
    }),
    deviceId: uuid("device_id"),
    claimedAt: timestamptz("claimed_at"),
    deliveredAt: timestamptz("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("device_pairings_expires_idx").on(t.expiresAt),
    pgPolicy("definer_all", {
      for: "all",
      to: definerRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ],
).enableRLS();
