import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { definerReadPolicy, tenantIsolationPolicy } from "../policies/tenant";
import { users } from "./identity";
import { tenants } from "./tenancy";

/**
 * API keys of one tenant. The key is `<prefix>_<secret>`: the prefix is a public id (shown in
 * the portal, globally unique, how a request finds its row before any tenant is known, via
 * `app.api_key_for_prefix()`); only the SHA-256 of the secret is stored.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    prefix: text("prefix").notNull().unique(),
    secretHash: text("secret_hash").notNull(),
    /** `<module>:read|write`; validated by core against the modules the tenant has. */
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("api_keys_tenant_idx").on(t.tenantId, t.createdAt),
    tenantIsolationPolicy(t.tenantId),
    definerReadPolicy(),
  ],
).enableRLS();

/**
 * Fixed-window request counters per API key, in PostgreSQL so every web node shares them.
 * No foreign key to api_keys: a bucket outlives nothing important and is pruned as it ages.
 */
export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    keyId: uuid("key_id").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.windowStart] }),
    check("rate_limit_buckets_count_check", sql`${t.count} >= 0`),
    tenantIsolationPolicy(t.tenantId),
  ],
).enableRLS();
