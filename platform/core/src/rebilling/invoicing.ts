import {
  type AppDatabase,
  and,
  asc,
  clientBilling,
  clientInvoiceLineEvents,
  clientInvoiceLines,
  clientInvoices,
  clientPlanPeriods,
  desc,
  eq,
  gt,
  isNull,
  lt,
  or,
  sql,
  type Tx,
  tenants,
} from "@omnify/db";
import Stripe from "stripe";
import { allTenantIds } from "../billing/usage/roll-up-all";
import { DomainError } from "../errors";
import { mustFindClient } from "./clients";
import { chargeableAccount } from "./connect";
import {
  type ComputedInvoice,
  computeMonthInvoice,
  isoDay,
  monthOf,
  type Period,
  type PlanSlice,
  periodEvents,
  previousMonth,
} from "./lines";
import { currencyProblem } from "./money";
import { type MonthPlan, monthPlans } from "./periods";
import { clientPlanState, spendState } from "./spend";

/**
 * The month's invoice from the plan periods overlapping it (`monthPlans`): each period's
 * events (read in the client's own transaction, `clientTx`) priced at that period's plan. Null when the client
 * was on no plan during the month.
 */
async function monthInvoice(clientTx: Tx, plans: readonly MonthPlan[], month: Period) {
  const slices: PlanSlice[] = [];
  for (const p of plans)
    slices.push({
      ...p,
      events: await periodEvents(
        clientTx,
        p.plan.meters.map((m) => m.meter),
        { start: p.from, end: p.to },
      ),
    });
  const computed = computeMonthInvoice(month, slices);
  const last = plans.at(-1);
  return computed && last ? { computed, last } : null;
}

/**
 * The client's upcoming invoice for the current month, computed live from its ledger (so a
 * usage event shows at once) with the same rule as the monthly job (its plan periods, the
 * open one running to the month's end), with each line's events. `tx` is the client's own
 * transaction. Null when the client is on no plan this month.
 */
export async function previewClientInvoice(tx: Tx, now = new Date()) {
  const period = monthOf(now);
  const subaccountId = await currentTenantId(tx);
  const month = await monthInvoice(tx, await monthPlans(tx, subaccountId, period), period);
  if (!month) return null;
  const state = await clientPlanState(tx);
  const { computed, last } = month;
  return {
    planName: last.plan.name,
    agencyName: state?.agencyName ?? (await parentAgencyName(tx)),
    periodStart: isoDay(period.start),
    periodEnd: isoDay(period.end),
    // Detached: no cap applies any more; what it used while attached is still billed.
    spend: state
      ? await spendState(tx, state, now)
      : {
          spentCents: computed.meteredCents,
          spendCapCents: null,
          capReached: false,
          currency: computed.currency,
        },
    ...computed,
  };
}

async function currentTenantId(tx: Tx): Promise<string> {
  const [row] = (await tx.execute(sql`select app.current_tenant()::text as id`)) as unknown as {
    id: string | null;
  }[];
  if (!row?.id) throw new Error("previewClientInvoice needs a tenant transaction");
  return row.id;
}

async function parentAgencyName(tx: Tx): Promise<string> {
  const [row] = (await tx.execute(sql`select app.parent_agency_name() as name`)) as unknown as {
    name: string | null;
  }[];
  return row?.name ?? "your agency";
}

const TRACE_BATCH = 2_000;

async function writeInvoice(
  tx: Tx,
  agencyId: string,
  subaccountId: string,
  planId: string,
  period: Period,
  computed: ComputedInvoice,
): Promise<string | null> {
  const [invoice] = await tx
    .insert(clientInvoices)
    .values({
      tenantId: agencyId,
      subaccountId,
      planId,
      periodStart: isoDay(period.start),
      periodEnd: isoDay(period.end),
      currency: computed.currency,
      totalCents: computed.totalCents,
    })
    .onConflictDoNothing({ target: [clientInvoices.subaccountId, clientInvoices.periodStart] })
    .returning({ id: clientInvoices.id });
  if (!invoice) return null; // another run wrote it first
  for (const line of computed.lines) {
    const [row] = await tx
      .insert(clientInvoiceLines)
      .values({
        tenantId: agencyId,
        subaccountId,
        invoiceId: invoice.id,
        position: line.position,
        kind: line.kind,
        meter: line.meter,
        description: line.description,
        quantity: line.quantity,
        includedQuantity: line.includedQuantity,
        unitPrice: line.unitPrice,
        markupPercent: line.markupPercent,
        amountCents: line.amountCents,
        eventCount: line.events.length,
        eventsChecksum: line.eventsChecksum,
      })
      .returning({ id: clientInvoiceLines.id });
    if (!row) throw new Error("line insert returned nothing");
    for (let i = 0; i < line.events.length; i += TRACE_BATCH) {
      await tx.insert(clientInvoiceLineEvents).values(
        line.events.slice(i, i + TRACE_BATCH).map((e) => ({
          tenantId: agencyId,
          subaccountId,
          lineId: row.id,
          usageEventId: e.id,
          source: e.source,
          quantity: e.quantity,
          occurredAt: e.occurredAt,
        })),
      );
    }
  }
  return invoice.id;
}

/**
 * Invoices one client for one month: computes the lines from its ledger with the plans (at
 * their prices then) it was on during the month (`client_plan_periods`), writes invoice, lines and trace in one transaction (once per client and
 * month), then creates the invoice on the agency's connected account. Safe to re-run: a
 * written invoice is not recomputed, and every Stripe call carries an idempotency key.
 */
export async function invoiceClient(
  db: AppDatabase,
  stripe: Stripe,
  agencyId: string,
  subaccountId: string,
  period: Period,
): Promise<{ invoiceId: string; status: string; stripeError: string | null }> {
  const existing = await findInvoice(db, agencyId, subaccountId, period);
  let invoiceId = existing?.id ?? null;
  if (!invoiceId) {
    const plans = await db.withTenant(agencyId, (tx) => monthPlans(tx, subaccountId, period));
    const month = await db.withTenant(subaccountId, (tx) => monthInvoice(tx, plans, period));
    if (!month)
      throw new DomainError(
        "NOT_FOUND",
        "This client was on no client plan during that month",
        "subaccountId",
      );
    const { computed, last } = month;
    invoiceId =
      (await db.withTenant(agencyId, (tx) =>
        writeInvoice(tx, agencyId, subaccountId, last.planId, period, computed),
      )) ??
      (await findInvoice(db, agencyId, subaccountId, period))?.id ??
      null;
    if (!invoiceId) throw new Error("invoice neither written nor found");
  } else if (existing && existing.status !== "draft") {
    return { invoiceId, status: existing.status, stripeError: null };
  }
  return sendToStripe(db, stripe, agencyId, invoiceId);
}

async function findInvoice(
  db: AppDatabase,
  agencyId: string,
  subaccountId: string,
  period: Period,
) {
  return db.withTenant(agencyId, async (tx) => {
    const [row] = await tx
      .select({ id: clientInvoices.id, status: clientInvoices.status })
      .from(clientInvoices)
      .where(
        and(
          eq(clientInvoices.subaccountId, subaccountId),
          eq(clientInvoices.periodStart, isoDay(period.start)),
        ),
      );
    return row;
  });
}

type ConnectedCall = { stripeAccount: string };

/**
 * The Stripe invoice made for our invoice `invoiceId`: the stored id if there is one, else a
 * draft found among the customer's invoices by `metadata.omnify_invoice_id` (a run that
 * created it and stopped before storing the id). Never relies on idempotency keys, which
 * Stripe forgets after 24 hours.
 */
async function existingStripeInvoice(
  stripe: Stripe,
  on: ConnectedCall,
  stored: string | null,
  customer: string,
  invoiceId: string,
): Promise<Stripe.Invoice | null> {
  if (stored) return stripe.invoices.retrieve(stored, {}, on);
  for await (const found of stripe.invoices.list({ customer, limit: 100 }, on))
    if (found.metadata?.omnify_invoice_id === invoiceId && found.status !== "void") return found;
  return null;
}

type LineToSend = {
  id: string;
  amountCents: number;
  description: string;
  eventCount: number;
  eventsChecksum: string | null;
};

/**
 * Makes the draft's items exactly our lines, each once: lists what is already attached (by
 * `metadata.omnify_line_id`), deletes duplicates and strays of ours, adds what is missing
 * with `invoice: <draft>`. Pending items an earlier version left on the customer for this
 * invoice are deleted, so they cannot land on some later invoice.
 */
async function syncItems(
  stripe: Stripe,
  account: string,
  draft: { id: string; customer: string; currency: string },
  invoiceId: string,
  lines: readonly LineToSend[],
) {
  const on: ConnectedCall = { stripeAccount: account };
  const wanted = new Map(lines.filter((l) => l.amountCents !== 0).map((l) => [l.id, l]));
  const present = new Set<string>();
  const extra: string[] = [];
  // Read whole lists before deleting anything, so no page cursor points at a deleted item.
  const attached = await stripe.invoiceItems
    .list({ invoice: draft.id, limit: 100 }, on)
    .autoPagingToArray({ limit: 10_000 });
  for (const item of attached) {
    const lineId = item.metadata?.omnify_line_id;
    if (!lineId) continue; // added by hand on Stripe: the agency's business
    if (wanted.has(lineId) && !present.has(lineId)) present.add(lineId);
    else extra.push(item.id);
  }
  const pending = await stripe.invoiceItems
    .list({ customer: draft.customer, pending: true, limit: 100 }, on)
    .autoPagingToArray({ limit: 10_000 });
  for (const item of pending)
    if (item.metadata?.omnify_invoice_id === invoiceId) extra.push(item.id);
  for (const id of extra) await stripe.invoiceItems.del(id, {}, on);
  for (const line of wanted.values()) {
    if (present.has(line.id)) continue;
    await stripe.invoiceItems.create(
      {
        customer: draft.customer,
        invoice: draft.id,
        amount: line.amountCents,
        currency: draft.currency,
        description: line.description,
        metadata: {
          omnify_invoice_id: invoiceId,
          omnify_line_id: line.id,
          usage_events: String(line.eventCount),
          events_checksum: line.eventsChecksum ?? "",
        },
      },
      { ...on, idempotencyKey: `omnify-rebill-item-${line.id}-${draft.id}` },
    );
  }
}

/**
 * Puts the invoice on the agency's connected account, resuming wherever an earlier run
 * stopped: customer (stored), draft invoice with `pending_invoice_items_behavior: "exclude"`
 * (stored before anything is added, else found by metadata), its items attached to that
 * draft only (found by metadata), finalize last. Any number of retries, at any later time,
 * give one Stripe invoice with each line once; a finalized one is only recorded.
 */
async function sendToStripe(db: AppDatabase, stripe: Stripe, agencyId: string, invoiceId: string) {
  const loaded = await db.withTenant(agencyId, async (tx) => {
    const [invoice] = await tx
      .select({
        id: clientInvoices.id,
        subaccountId: clientInvoices.subaccountId,
        currency: clientInvoices.currency,
        periodStart: clientInvoices.periodStart,
        stripeInvoiceId: clientInvoices.stripeInvoiceId,
        clientName: tenants.name,
        customer: clientBilling.stripeCustomerId,
      })
      .from(clientInvoices)
      .innerJoin(tenants, eq(tenants.id, clientInvoices.subaccountId))
      .leftJoin(clientBilling, eq(clientBilling.subaccountId, clientInvoices.subaccountId))
      .where(eq(clientInvoices.id, invoiceId));
    const lines = await tx
      .select()
      .from(clientInvoiceLines)
      .where(eq(clientInvoiceLines.invoiceId, invoiceId))
      .orderBy(asc(clientInvoiceLines.position));
    const account = await chargeableAccount(tx, agencyId).catch((e: unknown) =>
      e instanceof DomainError ? e : Promise.reject(e),
    );
    return { invoice, lines, account };
  });
  const { invoice, lines, account } = loaded;
  if (!invoice) throw new Error(`client invoice ${invoiceId} not found`);
  const record = (set: Partial<typeof clientInvoices.$inferInsert>) =>
    db.withTenant(agencyId, (tx) =>
      tx
        .update(clientInvoices)
        .set({ ...set, updatedAt: new Date() })
        .where(eq(clientInvoices.id, invoiceId)),
    );
  const fail = async (message: string) => {
    await record({ stripeError: message });
    return { invoiceId, status: "draft", stripeError: message };
  };
  if (account instanceof DomainError) return fail(account.message);
  const badCurrency = currencyProblem(invoice.currency);
  if (badCurrency) return fail(`currency: ${badCurrency}`);
  const on: ConnectedCall = { stripeAccount: account };
  const keyed = (key: string) => ({ ...on, idempotencyKey: `omnify-rebill-${key}` });
  const month = invoice.periodStart.slice(0, 7);
  const settle = async (final: Stripe.Invoice) => {
    if (final.status === "void" || final.status === "uncollectible")
      return fail(`The Stripe invoice ${final.id} is ${final.status}; it was not sent again`);
    const status = final.status === "paid" ? "paid" : "open";
    await record({
      status,
      stripeInvoiceId: final.id ?? null,
      hostedInvoiceUrl: final.hosted_invoice_url ?? null,
      stripeError: null,
    });
    return { invoiceId, status, stripeError: null };
  };
  try {
    let customer = invoice.customer;
    if (!customer) {
      const created = await stripe.customers.create(
        { name: invoice.clientName, metadata: { omnify_tenant_id: invoice.subaccountId } },
        keyed(`customer-${invoice.subaccountId}`),
      );
      customer = created.id;
      await db.withTenant(agencyId, (tx) =>
        tx
          .update(clientBilling)
          .set({ stripeCustomerId: created.id })
          .where(eq(clientBilling.subaccountId, invoice.subaccountId)),
      );
    }
    let draft = await existingStripeInvoice(
      stripe,
      on,
      invoice.stripeInvoiceId,
      customer,
      invoiceId,
    );
    if (!draft)
      draft = await stripe.invoices.create(
        {
          customer,
          currency: invoice.currency,
          collection_method: "send_invoice",
          days_until_due: 14,
          auto_advance: false,
          pending_invoice_items_behavior: "exclude",
          description: `Services for ${month}`,
          metadata: { omnify_invoice_id: invoiceId },
        },
        keyed(`invoice-${invoice.subaccountId}-${month}`),
      );
    if (draft.id !== invoice.stripeInvoiceId) await record({ stripeInvoiceId: draft.id ?? null });
    if (draft.status !== "draft") return settle(draft);
    const draftId = draft.id as string;
    await syncItems(
      stripe,
      account,
      { id: draftId, customer, currency: invoice.currency },
      invoiceId,
      lines,
    );
    return settle(await stripe.invoices.finalizeInvoice(draftId, {}, keyed(`finalize-${draftId}`)));
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) return fail(`Stripe: ${e.message}`);
    throw e;
  }
}

/**
 * The monthly job: every client that was on a plan at any time in the month before `now`
 * (detached since or not) is invoiced for it. One client's failure (recorded on its draft) does not stop the others.
 */
export async function invoiceAllClients(db: AppDatabase, stripe: Stripe, now = new Date()) {
  const period = previousMonth(now);
  let invoiced = 0;
  let failed = 0;
  for (const tenantId of await allTenantIds(db)) {
    const clients = await db.withTenant(tenantId, (tx) =>
      tx
        .selectDistinct({ id: clientPlanPeriods.subaccountId })
        .from(clientPlanPeriods)
        .where(
          and(
            eq(clientPlanPeriods.tenantId, tenantId),
            lt(clientPlanPeriods.effectiveFrom, period.end),
            or(
              isNull(clientPlanPeriods.effectiveTo),
              gt(clientPlanPeriods.effectiveTo, period.start),
            ),
          ),
        ),
    );
    for (const c of clients) {
      const r = await invoiceClient(db, stripe, tenantId, c.id, period);
      if (r.stripeError) failed++;
      else invoiced++;
    }
  }
  return { period: isoDay(period.start), invoiced, failed };
}

export type ClientInvoiceSummary = {
  id: string;
  subaccountId: string;
  clientName: string;
  periodStart: string;
  periodEnd: string;
  currency: string;
  totalCents: number;
  status: string;
  hostedInvoiceUrl: string | null;
  stripeError: string | null;
  lines: {
    id: string;
    kind: string;
    meter: string | null;
    description: string;
    quantity: string;
    amountCents: number;
    eventCount: number;
    eventsChecksum: string | null;
  }[];
};

/**
 * Client invoices visible to the transaction's tenant: an agency sees all its clients' (or
 * one client's), a client only its own (RLS decides; the filter only narrows).
 */
export async function listClientInvoices(
  tx: Tx,
  subaccountId?: string,
): Promise<ClientInvoiceSummary[]> {
  const invoices = await tx
    .select({
      id: clientInvoices.id,
      subaccountId: clientInvoices.subaccountId,
      clientName: sql<string>`coalesce(${tenants.name}, '')`,
      periodStart: clientInvoices.periodStart,
      periodEnd: clientInvoices.periodEnd,
      currency: clientInvoices.currency,
      totalCents: clientInvoices.totalCents,
      status: clientInvoices.status,
      hostedInvoiceUrl: clientInvoices.hostedInvoiceUrl,
      stripeError: clientInvoices.stripeError,
    })
    .from(clientInvoices)
    .leftJoin(tenants, eq(tenants.id, clientInvoices.subaccountId))
    .where(subaccountId ? eq(clientInvoices.subaccountId, subaccountId) : undefined)
    .orderBy(desc(clientInvoices.periodStart), asc(tenants.name))
    .limit(200);
  if (invoices.length === 0) return [];
  const lines = await tx
    .select({
      id: clientInvoiceLines.id,
      invoiceId: clientInvoiceLines.invoiceId,
      kind: clientInvoiceLines.kind,
      meter: clientInvoiceLines.meter,
      description: clientInvoiceLines.description,
      quantity: clientInvoiceLines.quantity,
      amountCents: clientInvoiceLines.amountCents,
      eventCount: clientInvoiceLines.eventCount,
      eventsChecksum: clientInvoiceLines.eventsChecksum,
    })
    .from(clientInvoiceLines)
    .where(
      sql`${clientInvoiceLines.invoiceId} in (select jsonb_array_elements_text(${JSON.stringify(invoices.map((i) => i.id))}::jsonb)::uuid)`,
    )
    .orderBy(asc(clientInvoiceLines.position));
  return invoices.map((i) => ({
    ...i,
    lines: lines.filter((l) => l.invoiceId === i.id).map(({ invoiceId: _, ...l }) => l),
  }));
}

/** A line's usage events (the trace), as stored with the line. */
export async function invoiceLineTrace(tx: Tx, lineId: string, limit = 500) {
  if (!/^[0-9a-f-]{36}$/i.test(lineId))
    throw new DomainError("NOT_FOUND", "No such invoice line", "lineId");
  return tx
    .select({
      id: clientInvoiceLineEvents.usageEventId,
      source: clientInvoiceLineEvents.source,
      quantity: clientInvoiceLineEvents.quantity,
      occurredAt: clientInvoiceLineEvents.occurredAt,
    })
    .from(clientInvoiceLineEvents)
    .where(eq(clientInvoiceLineEvents.lineId, lineId))
    .orderBy(asc(clientInvoiceLineEvents.occurredAt), asc(clientInvoiceLineEvents.usageEventId))
    .limit(limit);
}

/**
 * The agency's view of one client's upcoming invoice: checks the client is the agency's,
 * then reads it in the client's own transaction (its ledger is visible only there).
 */
export async function previewInvoiceForClient(
  db: AppDatabase,
  agencyId: string,
  subaccountId: string,
  now = new Date(),
) {
  const client = await db.withTenant(agencyId, (tx) => mustFindClient(tx, agencyId, subaccountId));
  return db.withTenant(client.id, (tx) => previewClientInvoice(tx, now));
}
