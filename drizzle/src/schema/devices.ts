import { sql } from "drizzle-orm";
import { index, inet, pgPolicy, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { definerReadPolicy, definerRole, tenantIsolationPolicy } from "../policies/tenant";
import { tenants } from "./tenancy";

/**
 * Screens paired with a tenant. The device token is `<id>.<secret>`; only the secret's
 * SHA-256 is stored, and it stays null until the screen has collected its token once.
 */
export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    lastIp: inet("last_ip"),
    appVersion: text("app_version"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("devices_tenant_idx").on(t.tenantId, t.createdAt),
    tenantIsolationPolicy(t.tenantId),
    definerReadPolicy(),
  ],
).enableRLS();

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
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    claimedTenantId: uuid("claimed_tenant_id").references(() => tenants.id, {
      onDelete: "cascade",
    }),
    deviceId: uuid("device_id"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
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
