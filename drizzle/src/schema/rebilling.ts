import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
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
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { appRole, currentTenant, definerReadPolicy } from "../policies/tenant";
import { timestamps, timestamptz, updatedAt } from "./columns";
import { usageEvents } from "./plugins";
import { tenants } from "./tenancy";
import { tenantIdColumn, tenantTable } from "./tenant-table";

/*
 * Agency rebilling (SaaS mode). An agency prices its sub-accounts with its own client plans
 * (a base fee plus per-meter prices marked up by a percentage), caps each client's monthly
 * metered spend, and charges them through its Stripe Connect account.
 *
 * Every row's `tenant_id` is the agency. Rows about one client also carry `subaccount_id`,
 * and that client may read (never write) them: its own billing settings, the plan assigned
 * to it, its invoices, their lines and their trace. The write check ties `subaccount_id` to
 * a child of the writing agency (the tenants policy shows an agency its children only).
 */

const clientId = () =>
  uuid("subaccount_id")
    .notNull()
    .references((): AnyPgColumn => tenants.id, { onDelete: "cascade" });

/** The agency writes; the client named by `subaccount_id` reads. */
function agencyAndClientPolicies(t: { tenantId: AnyPgColumn; subaccountId: AnyPgColumn }) {
  return [
    pgPolicy("agency_all", {
      for: "all",
      to: appRole,
      using: sql`${t.tenantId} = ${currentTenant}`,
      withCheck: sql`${t.tenantId} = ${currentTenant} and exists (select 1 from tenants c where c.id = ${t.subaccountId} and c.parent_id = ${currentTenant})`,
    }),
    pgPolicy("client_read", {
      for: "select",
      to: appRole,
      using: sql`${t.subaccountId} = ${currentTenant}`,
    }),
  ];
}

/**
 * The agency's Stripe Connect account, which its clients' invoices are created on. The
 * connected account's invoice webhooks name the account, not a tenant: the definer function
 * app.rebilling_agency_for_account maps one to the other (id only).
 */
export const agencyConnectAccounts = tenantTable(
  "agency_connect_accounts",
  {
    tenantId: tenantIdColumn().primaryKey(),
    stripeAccountId: text("stripe_account_id").notNull().unique(),
    chargesEnabled: boolean("charges_enabled").notNull().default(false),
    payoutsEnabled: boolean("payouts_enabled").notNull().default(false),
    ...timestamps(),
  },
  () => [definerReadPolicy()],
);

/** One priced meter of a client plan; `unitPrice` is in the currency's major unit (dollars). */
export type ClientPlanMeter = { meter: string; unitPrice: string; includedQuantity: string };

/** An agency's plan for its clients. */
export const clientPlans = tenantTable(
  "client_plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    name: text("name").notNull(),
    currency: text("currency").notNull().default("usd"),
    /** Monthly base fee in the currency's minor unit (cents). */
    baseFeeCents: integer("base_fee_cents").notNull().default(0),
    /** Percent added to every metered charge: 20 means a 20% markup. */
    markupPercent: numeric("markup_percent", { precision: 7, scale: 2 }).notNull().default("0"),
    meters: jsonb("meters").$type<ClientPlanMeter[]>().notNull().default([]),
    ...timestamps(),
  },
  (t) => [
    unique("client_plans_tenant_name_key").on(t.tenantId, t.name),
    unique("client_plans_tenant_id_key").on(t.tenantId, t.id),
    check("client_plans_base_fee_check", sql`${t.baseFeeCents} >= 0`),
    check("client_plans_markup_check", sql`${t.markupPercent} >= 0`),
    check("client_plans_currency_check", sql`${t.currency} ~ '^[a-z]{3}$'`),
    check("client_plans_meters_check", sql`jsonb_typeof(${t.meters}) = 'array'`),
    // A client reads the plan it is on, and no other.
    pgPolicy("client_read_assigned", {
      for: "select",
      to: appRole,
      using: sql`${t.id} in (select b.plan_id from client_billing b where b.subaccount_id = ${currentTenant})`,
    }),
  ],
);

/** What an agency charges one client: its plan and its monthly cap on metered spend. */
export const clientBilling = pgTable(
  "client_billing",
  {
    subaccountId: uuid("subaccount_id")
      .primaryKey()
      .references((): AnyPgColumn => tenants.id, { onDelete: "cascade" }),
    tenantId: tenantIdColumn(),
    /** The plan the client is on; null once detached (the row stays for its Stripe customer). */
    planId: uuid("plan_id"),
    /** Cap on the month's metered spend (after markup), in cents; null = no cap. */
    spendCapCents: integer("spend_cap_cents"),
    /** The client's customer on the agency's connected account. */
    stripeCustomerId: text("stripe_customer_id"),
    /** When the agency stopped rebilling the client; null while it is attached. */
    detachedAt: timestamptz("detached_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({
      name: "client_billing_plan_fk",
      columns: [t.tenantId, t.planId],
      foreignColumns: [clientPlans.tenantId, clientPlans.id],
    }).onDelete("restrict"),
    check("client_billing_cap_check", sql`${t.spendCapCents} is null or ${t.spendCapCents} >= 0`),
    check(
      "client_billing_detached_check",
      sql`(${t.planId} is null) = (${t.detachedAt} is not null)`,
    ),
    index("client_billing_tenant_idx").on(t.tenantId),
    ...agencyAndClientPolicies(t),
    // The monthly sweep lists the agencies that bill a client (app.rebilling_agency_ids).
    definerReadPolicy(),
  ],
).enableRLS();

/** The prices a plan had while a client was on it, as `client_plan_periods` keeps them. */
export type ClientPlanSnapshot = {
  name: string;
  currency: string;
  baseFeeCents: number;
  markupPercent: string;
  meters: ClientPlanMeter[];
};

/**
 * Which plan, at which prices, a client was on from when to when: written with every attach,
 * plan change, detach and price edit, so a month is invoiced with what was in force during it
 * (not with what the plan says when the job runs). At most one open period per client.
 */
export const clientPlanPeriods = pgTable(
  "client_plan_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    subaccountId: clientId(),
    /** The plan's id then (no reference: the plan may be deleted later, its history stays). */
    planId: uuid("plan_id").notNull(),
    plan: jsonb("plan").$type<ClientPlanSnapshot>().notNull(),
    effectiveFrom: timestamptz("effective_from").notNull(),
    /** Null while the period is the client's current one. */
    effectiveTo: timestamptz("effective_to"),
    ...timestamps(),
  },
  (t) => [
    index("client_plan_periods_client_idx").on(t.subaccountId, t.effectiveFrom),
    index("client_plan_periods_tenant_idx").on(t.tenantId, t.effectiveFrom),
    uniqueIndex("client_plan_periods_open_key")
      .on(t.subaccountId)
      .where(sql`${t.effectiveTo} is null`),
    check(
      "client_plan_periods_range_check",
      sql`${t.effectiveTo} is null or ${t.effectiveTo} > ${t.effectiveFrom}`,
    ),
    ...agencyAndClientPolicies(t),
  ],
).enableRLS();

export const clientInvoiceStatuses = [
  "draft",
  "open",
  "paid",
  "failed",
  "void",
  "uncollectible",
] as const;
export type ClientInvoiceStatus = (typeof clientInvoiceStatuses)[number];

/** A client's invoice for one calendar month, created on the agency's connected account. */
export const clientInvoices = pgTable(
  "client_invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    subaccountId: clientId(),
    planId: uuid("plan_id"),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    currency: text("currency").notNull(),
    totalCents: bigint("total_cents", { mode: "number" }).notNull(),
    status: text("status", { enum: clientInvoiceStatuses }).notNull().default("draft"),
    stripeInvoiceId: text("stripe_invoice_id"),
    hostedInvoiceUrl: text("hosted_invoice_url"),
    /**
     * Why Stripe refused, in words, while the invoice stays a draft to retry; on an open
     * invoice, why the client's last payment failed.
     */
    stripeError: text("stripe_error"),
    /**
     * `created` (seconds) of the last connected-account invoice event applied to this row;
     * an older event arriving late is ignored.
     */
    stripeEventCreated: bigint("stripe_event_created", { mode: "number" }),
    ...timestamps(),
  },
  (t) => [
    unique("client_invoices_period_key").on(t.subaccountId, t.periodStart),
    unique("client_invoices_tenant_id_key").on(t.tenantId, t.id),
    index("client_invoices_tenant_idx").on(t.tenantId, t.periodStart),
    check(
      "client_invoices_status_check",
      sql`${t.status} in ('draft', 'open', 'paid', 'failed', 'void', 'uncollectible')`,
    ),
    ...agencyAndClientPolicies(t),
  ],
).enableRLS();

export const clientInvoiceLineKinds = ["base", "usage"] as const;

/**
 * One line: the base fee, or one meter's month (quantity past the included amount × unit
 * price × (1 + markup)). A usage line's events are in `client_invoice_line_events`;
 * `eventCount` and `eventsChecksum` (sha-256 of the sorted event ids) let anyone verify it.
 */
export const clientInvoiceLines = pgTable(
  "client_invoice_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    subaccountId: clientId(),
    invoiceId: uuid("invoice_id").notNull(),
    position: integer("position").notNull(),
    kind: text("kind", { enum: clientInvoiceLineKinds }).notNull(),
    meter: text("meter"),
    description: text("description").notNull(),
    quantity: numeric("quantity").notNull().default("1"),
    includedQuantity: numeric("included_quantity").notNull().default("0"),
    unitPrice: numeric("unit_price").notNull().default("0"),
    markupPercent: numeric("markup_percent", { precision: 7, scale: 2 }).notNull().default("0"),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    eventCount: integer("event_count").notNull().default(0),
    eventsChecksum: text("events_checksum"),
  },
  (t) => [
    foreignKey({
      name: "client_invoice_lines_invoice_fk",
      columns: [t.tenantId, t.invoiceId],
      foreignColumns: [clientInvoices.tenantId, clientInvoices.id],
    }).onDelete("cascade"),
    unique("client_invoice_lines_position_key").on(t.invoiceId, t.position),
    unique("client_invoice_lines_tenant_id_key").on(t.tenantId, t.id),
    check("client_invoice_lines_kind_check", sql`${t.kind} in ('base', 'usage')`),
    ...agencyAndClientPolicies(t),
  ],
).enableRLS();

/**
 * The trace: each usage event behind a usage line. The event row is the client's (and stays:
 * the reference blocks deleting it alone); its quantity and time are copied here so the agency,
 * which cannot read its client's ledger, sees the same trace.
 */
export const clientInvoiceLineEvents = pgTable(
  "client_invoice_line_events",
  {
    tenantId: tenantIdColumn(),
    subaccountId: clientId(),
    lineId: uuid("line_id").notNull(),
    usageEventId: uuid("usage_event_id")
      .notNull()
      .references(() => usageEvents.id),
    source: text("source").notNull(),
    quantity: numeric("quantity").notNull(),
    occurredAt: timestamptz("occurred_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.lineId, t.usageEventId] }),
    foreignKey({
      name: "client_invoice_line_events_line_fk",
      columns: [t.tenantId, t.lineId],
      foreignColumns: [clientInvoiceLines.tenantId, clientInvoiceLines.id],
    }).onDelete("cascade"),
    index("client_invoice_line_events_event_idx").on(t.usageEventId),
    ...agencyAndClientPolicies(t),
  ],
).enableRLS();
