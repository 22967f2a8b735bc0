import { sql } from "drizzle-orm";
import { bigint, check, jsonb, pgPolicy, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { appRole, definerReadPolicy } from "../policies/tenant";
import { createdAt, timestamptz, updatedAt } from "./columns";
import { tenantIdColumn, tenantTable } from "./tenant-table";

export const subscriptionStatuses = ["trialing", "active", "past_due", "canceled"] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

/** A tenant's Stripe customer. Webhooks name the customer, so the definer maps it back. */
export const billingCustomers = tenantTable(
  "billing_customers",
  {
    tenantId: tenantIdColumn().primaryKey(),
    stripeCustomerId: text("stripe_customer_id").notNull().unique(),
    createdAt: createdAt(),
  },
  () => [definerReadPolicy()],
);

/**
 * The tenant's current subscription as last reported by Stripe. `stripeVersion` is the
 * `created` time (ms) of the event that wrote it, so an older event arriving late is ignored.
 */
export const subscriptions = tenantTable(
  "subscriptions",
  {
    tenantId: tenantIdColumn().primaryKey(),
    stripeSubscriptionId: text("stripe_subscription_id").notNull().unique(),
    plan: text("plan").notNull(),
    status: text("status", { enum: subscriptionStatuses }).notNull(),
    currentPeriodEnd: timestamptz("current_period_end"),
    /** When the tenant fell past due; read-only starts once the grace period has run out. */
    pastDueSince: timestamptz("past_due_since"),
    stripeVersion: bigint("stripe_version", { mode: "number" }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "subscriptions_status_check",
      sql`${t.status} in ('trialing', 'active', 'past_due', 'canceled')`,
    ),
  ],
);

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
    stripeCreated: timestamptz("stripe_created").notNull(),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
    processedAt: timestamptz("processed_at"),
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
export const featureOverrides = tenantTable(
  "feature_overrides",
  {
    tenantId: tenantIdColumn(),
    key: text("key").notNull(),
    /** A number for a limit (null = unlimited is not allowed here), a boolean for a flag. */
    value: jsonb("value").$type<number | boolean>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
