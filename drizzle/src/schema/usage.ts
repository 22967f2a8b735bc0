import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  numeric,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { definerReadPolicy } from "../policies/tenant";
import { createdAt, timestamptz } from "./columns";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/**
 * Month-to-date totals of `sum` and `count` meters, bumped by the ingest statement for the
 * events it actually recorded (duplicates add nothing). Quotas and alerts read these, so a
 * quota check costs one row, not a scan of the month's events.
 */
export const usageMonthly = tenantTable(
  "usage_monthly",
  {
    tenantId: tenantIdColumn(),
    source: text("source").notNull(),
    meter: text("meter").notNull(),
    /** First day of the UTC month the events occurred in. */
    month: date("month").notNull(),
    total: numeric("total").notNull().default("0"),
    events: bigint("events", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.source, t.meter, t.month] })],
);

/**
 * Hourly and daily aggregates per (tenant, source, meter, bucket), each recomputed from the
 * events with the meter's aggregation (a daily `unique` is a distinct count over the day,
 * never a sum of hours). Written by the roll-up jobs with idempotent upserts.
 */
export const usageRollups = tenantTable(
  "usage_rollups",
  {
    tenantId: tenantIdColumn(),
    period: text("period", { enum: ["hour", "day"] }).notNull(),
    source: text("source").notNull(),
    meter: text("meter").notNull(),
    bucketStart: timestamptz("bucket_start").notNull(),
    aggregation: text("aggregation").notNull(),
    value: numeric("value").notNull(),
    events: integer("events").notNull(),
    computedAt: timestamptz("computed_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.period, t.source, t.meter, t.bucketStart] }),
    check("usage_rollups_period_check", sql`${t.period} in ('hour', 'day')`),
    definerReadPolicy(),
  ],
);

/** Where each tenant's roll-up job got to: buckets before `closedUntil` have been rolled. */
export const usageRollupState = tenantTable(
  "usage_rollup_state",
  {
    tenantId: tenantIdColumn(),
    period: text("period", { enum: ["hour", "day"] }).notNull(),
    closedUntil: timestamptz("closed_until").notNull(),
    /** Events ingested after this (minus a safety overlap) are re-rolled as late arrivals. */
    lastRunAt: timestamptz("last_run_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.period] })],
);

/** One row per tenant, quota, month and threshold (80 or 100): the alert fires once. */
export const usageAlerts = tenantTable(
  "usage_alerts",
  {
    tenantId: tenantIdColumn(),
    meter: text("meter").notNull(),
    month: date("month").notNull(),
    threshold: integer("threshold").notNull(),
    used: numeric("used").notNull(),
    quota: numeric("quota").notNull(),
    createdAt: createdAt(),
    /** Set once the owners and admins were e-mailed. */
    notifiedAt: timestamptz("notified_at"),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.meter, t.month, t.threshold] }),
    check("usage_alerts_threshold_check", sql`${t.threshold} in (80, 100)`),
  ],
);

/**
 * What we sent to Stripe's meter event stream: one row per event (deterministic identifier).
 * A bucket may have several rows when a late event or a lost report needed a top-up.
 */
export const usageStripeReports = tenantTable(
  "usage_stripe_reports",
  {
    identifier: text("identifier").primaryKey(),
    tenantId: tenantIdColumn(),
    source: text("source").notNull(),
    meter: text("meter").notNull(),
    bucketStart: timestamptz("bucket_start").notNull(),
    eventName: text("event_name").notNull(),
    stripeCustomerId: text("stripe_customer_id").notNull(),
    value: numeric("value").notNull(),
    /** 'sent', or 'lost' once reconciliation found Stripe never counted it. */
    status: text("status", { enum: ["sent", "lost"] })
      .notNull()
      .default("sent"),
    reportedAt: timestamptz("reported_at").notNull().defaultNow(),
  },
  (t) => [
    index("usage_stripe_reports_bucket_idx").on(t.tenantId, t.source, t.meter, t.bucketStart),
    check("usage_stripe_reports_status_check", sql`${t.status} in ('sent', 'lost')`),
  ],
);

/** Each reconciliation of our ledger against Stripe's event summaries, per meter and hour. */
export const usageReconciliations = tenantTable(
  "usage_reconciliations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    eventName: text("event_name").notNull(),
    bucketStart: timestamptz("bucket_start").notNull(),
    ours: numeric("ours").notNull(),
    stripe: numeric("stripe").notNull(),
    /** 'mismatch' when found; 'resent' once the missing value was reported again. */
    status: text("status", { enum: ["mismatch", "resent"] }).notNull(),
    checkedAt: timestamptz("checked_at").notNull().defaultNow(),
  },
  (t) => [
    index("usage_reconciliations_tenant_idx").on(t.tenantId, t.checkedAt),
    check("usage_reconciliations_status_check", sql`${t.status} in ('mismatch', 'resent')`),
  ],
);
