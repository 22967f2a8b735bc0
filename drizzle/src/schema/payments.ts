import { sql } from "drizzle-orm";
import { bigint, check, jsonb, pgPolicy, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { appRole } from "../policies/tenant";
import { createdAt, timestamptz } from "./columns";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/**
 * Checkouts a plugin opened through `ctx.payments.createCheckout`, by the plugin's
 * idempotency key: a retry returns the stored checkout instead of opening a second one, for
 * as long as the row lives (Stripe forgets idempotency keys after 24 h; Paystack refuses a
 * reused reference without returning the original).
 */
export const paymentCheckouts = tenantTable(
  "payment_checkouts",
  {
    tenantId: tenantIdColumn(),
    pluginId: text("plugin_id").notNull(),
    provider: text("provider", { enum: ["stripe", "paystack"] }).notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    checkoutId: text("checkout_id").notNull(),
    url: text("url").notNull(),
    /** The plugin's own reference (a booking id). */
    reference: text("reference").notNull(),
    amount: bigint("amount", { mode: "number" }).notNull(),
    currency: text("currency").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.pluginId, t.provider, t.idempotencyKey] }),
    check("payment_checkouts_provider_check", sql`${t.provider} in ('stripe', 'paystack')`),
  ],
);

/**
 * Every verified Paystack webhook, stored before processing. The key is the event type and
 * the object's id (Paystack events have no id of their own), so a replay is a no-op insert.
 * Like `stripe_events`, rows become tenant data only when processed (the tenant is in the
 * payload's metadata), so the app role reads and writes them all.
 */
export const paystackEvents = pgTable(
  "paystack_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    /** The transaction reference the event is about (refunds are found through it). */
    reference: text("reference"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamptz("received_at").notNull().defaultNow(),
    processedAt: timestamptz("processed_at"),
    error: text("error"),
  },
  () => [
    pgPolicy("paystack_ledger_app", {
      for: "all",
      to: appRole,
      using: sql`true`,
      withCheck: sql`true`,
    }),
  ],
).enableRLS();
