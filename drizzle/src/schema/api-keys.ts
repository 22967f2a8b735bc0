import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { definerReadPolicy } from "../policies/tenant";
import { createdAt, timestamptz } from "./columns";
import { users } from "./identity";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/**
 * API keys of one tenant. The key is `<prefix>_<secret>`: the prefix is a public id (shown in
 * the portal, globally unique, how a request finds its row before any tenant is known, via
 * `app.api_key_for_prefix()`); only the SHA-256 of the secret is stored.
 */
export const apiKeys = tenantTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull().unique(),
    secretHash: text("secret_hash").notNull(),
    /** `<module>:read|write`; validated by core against the modules the tenant has. */
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: timestamptz("expires_at").notNull(),
    lastUsedAt: timestamptz("last_used_at"),
    revokedAt: timestamptz("revoked_at"),
  },
  (t) => [index("api_keys_tenant_idx").on(t.tenantId, t.createdAt), definerReadPolicy()],
);

/**
 * Fixed-window request counters per API key, in PostgreSQL so every web node shares them.
 * No foreign key to api_keys: a bucket outlives nothing important and is pruned as it ages.
 */
export const rateLimitBuckets = tenantTable(
  "rate_limit_buckets",
  {
    tenantId: tenantIdColumn(),
    keyId: uuid("key_id").notNull(),
    windowStart: timestamptz("window_start").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.windowStart] }),
    check("rate_limit_buckets_count_check", sql`${t.count} >= 0`),
  ],
);
