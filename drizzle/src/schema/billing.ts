import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole, definerReadPolicy, tenantIsolationPolicy } from "../policies/tenant";
import { tenants } from "./tenancy";

export const subscriptionStatuses = ["trialing", "active", "past_due", "canceled"] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** A tenant's Stripe customer. Webhooks name the customer, so the definer maps it back. */
export const billingCustomers = pgTable(
  "billing_customers",
  {
    tenantId: uuid("tenant_id")
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    stripeCustomerId: text("stripe_customer_id").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantIsolationPolicy(t.tenantId), definerReadPolicy()],
).enableRLS();

/**
 * The tenant's current subscription as last reported by Stripe. `stripeVersion` is the
 * `created` time (ms) of the event that wrote it, so an older event arriving late is ignored.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    tenantId: uuid("tenant_id")
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    stripeSubscriptionId: text("stripe_subscription_id").notNull().unique(),
    plan: text("plan").notNull(),
    status: text("status", { enum: subscriptionStatuses }).notNull(),
    currentPeriodEnd: timestamp("current_period_end", { withTimezone: true }),
    /** When the tenant fell past due; read-only starts once the grace period has run out. */
    pastDueSince: timestamp("past_due_since", { withTimezone: true }),
    stripeVersion: bigint("stripe_version", { mode: "number" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "subscriptions_status_check",
      sql`${t.status} in ('trialing', 'active', 'past_due', 'canceled')`,
    ),
    tenantIsolationPolicy(t.tenantId),
  ],
).enableRLS();

/**
 * Every verified Stripe webhook, stored before any processing: the primary key is the
 * event id, so a replay is a no-op insert. The rows are not tenant data until processed
 * (the tenant is known only from the payload), so the app role reads and writes them all.
 */
export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    stripeCreated: timestamp("stripe_created", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    error: text("error"),
  },
  () => [
    pgPolicy("stripe_ledger_app", {
      for: "all",
      to: appRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ],
).enableRLS();

/** Platform-admin overrides of a plan's limits and feature flags for one tenant. */
export const featureOverrides = pgTable(
  "feature_overrides",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** A number for a limit (null = unlimited is not allowed here), a boolean for a flag. */
    value: jsonb("value").$type<number | boolean>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] }), tenantIsolationPolicy(t.tenantId)],
).enableRLS();
