import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { definerReadPolicy } from "../policies/tenant";
import { createdAt, timestamptz, updatedAt } from "./columns";
import { users } from "./identity";
import { tenantIdColumn, tenantTable } from "./tenant-table";

export const installationStatuses = ["enabled", "disabled", "uninstalled"] as const;
export type InstallationStatus = (typeof installationStatuses)[number];

/**
 * The global plugin catalog: one row per built (plugin, version), immutable once written
 * (a trigger refuses UPDATE; the app role has SELECT only). Every tenant may read it; only
 * the registration path (the admin login) inserts. Policies name PUBLIC so a non-superuser
 * owner login still passes FORCE RLS; grants, not policies, keep the app role out.
 */
export const pluginVersions = pgTable(
  "plugin_versions",
  {
    pluginId: text("plugin_id").notNull(),
    version: text("version").notNull(),
    manifest: jsonb("manifest").$type<Record<string, unknown>>().notNull(),
    serverCode: text("server_code").notNull(),
    serverSha256: text("server_sha256").notNull(),
    ui: jsonb("ui").$type<Record<string, unknown> | null>(),
    migrations: jsonb("migrations")
      .$type<Array<{ name: string; sha256: string; sql?: string }>>()
      .notNull()
      .default([]),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.pluginId, t.version] }),
    check("plugin_versions_sha256_check", sql`${t.serverSha256} ~ '^[0-9a-f]{64}$'`),
    pgPolicy("catalog_read", { for: "select", to: "public", using: sql`true` }),
    pgPolicy("catalog_register", { for: "insert", to: "public", withCheck: sql`true` }),
  ],
).enableRLS();

/** A tenant's plugin: which version, what the admin consented to, and its settings. */
export const pluginInstallations = tenantTable(
  "plugin_installations",
  {
    tenantId: tenantIdColumn(),
    pluginId: text("plugin_id").notNull(),
    version: text("version").notNull(),
    status: text("status", { enum: installationStatuses }).notNull().default("enabled"),
    consentedCapabilities: jsonb("consented_capabilities")
      .$type<Record<string, unknown>>()
      .notNull(),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    /** Null when the tenants config (not a person) installed it. */
    installedBy: uuid("installed_by").references(() => users.id, { onDelete: "set null" }),
    installedAt: timestamptz("installed_at").notNull().defaultNow(),
    updatedAt: updatedAt(),
    uninstalledAt: timestamptz("uninstalled_at"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.pluginId] }),
    foreignKey({
      name: "plugin_installations_version_fk",
      columns: [t.pluginId, t.version],
      foreignColumns: [pluginVersions.pluginId, pluginVersions.version],
    }),
    check(
      "plugin_installations_uninstalled_check",
      sql`(${t.status} = 'uninstalled') = (${t.uninstalledAt} is not null)`,
    ),
    definerReadPolicy(),
  ],
);

/** Envelope-encrypted secrets of one installation (AES-256-GCM, per-installation data key). */
export const pluginSecrets = tenantTable(
  "plugin_secrets",
  {
    tenantId: uuid("tenant_id").notNull(),
    pluginId: text("plugin_id").notNull(),
    name: text("name").notNull(),
    ciphertext: text("ciphertext").notNull(),
    iv: text("iv").notNull(),
    tag: text("tag").notNull(),
    wrappedKey: text("wrapped_key").notNull(),
    keyVersion: integer("key_version").notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.pluginId, t.name] }),
    foreignKey({
      name: "plugin_secrets_installation_fk",
      columns: [t.tenantId, t.pluginId],
      foreignColumns: [pluginInstallations.tenantId, pluginInstallations.pluginId],
    }).onDelete("cascade"),
  ],
);

/** Metered usage, shared with billing; the idempotency key makes retries harmless. */
export const usageEvents = tenantTable(
  "usage_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    meter: text("meter").notNull(),
    /** 'core' or 'plugin:<id>'. */
    source: text("source").notNull(),
    quantity: numeric("quantity").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    occurredAt: timestamptz("occurred_at").notNull().defaultNow(),
    /** What a `unique` meter counts distinct values of (e.g. a user id). */
    subject: text("subject"),
    /** The meter's aggregation when recorded: sum | count | max | unique. */
    aggregation: text("aggregation").notNull().default("sum"),
    /** When it reached us; roll-ups re-roll closed buckets that receive late events. */
    ingestedAt: timestamptz("ingested_at").notNull().defaultNow(),
  },
  (t) => [
    // Per source and meter: one plugin cannot pre-empt another's keys.
    unique("usage_events_idempotency_key").on(t.tenantId, t.source, t.meter, t.idempotencyKey),
    index("usage_events_tenant_meter_idx").on(t.tenantId, t.meter, t.occurredAt),
    check("usage_events_quantity_check", sql`${t.quantity} >= 0`),
    check("usage_events_source_check", sql`${t.source} ~ '^(core|plugin:[a-z0-9-]+)$'`),
    check(
      "usage_events_aggregation_check",
      sql`${t.aggregation} in ('sum', 'count', 'max', 'unique')`,
    ),
    index("usage_events_tenant_ingested_idx").on(t.tenantId, t.ingestedAt),
  ],
);

/**
 * Durable outbox of events for plugins: written in the same transaction as the change that
 * caused it, drained by the worker into one dispatch job per subscribed installation.
 */
export const pluginEvents = tenantTable(
  "plugin_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    source: text("source").notNull(),
    /** How many plugin handlers this event has passed through; bounds event loops. */
    hops: integer("hops").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("plugin_events_tenant_created_idx").on(t.tenantId, t.createdAt),
    definerReadPolicy(),
  ],
);
