import {
  type AppDatabase,
  and,
  asc,
  clientBilling,
  clientInvoiceLineEvents,
  clientInvoiceLines,
  clientInvoices,
  clientPlans,
  desc,
  eq,
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
  computeInvoice,
  isoDay,
  monthOf,
  type Period,
  type PlanForLines,
  periodEvents,
  previousMonth,
} from "./lines";
import { plainDecimal } from "./money";
import { clientPlanState, spendState } from "./spend";

/**
 * The client's upcoming invoice for the current month, computed live from its ledger (so a
 * usage event shows at once), with each line's events. `tx` is the client's own
 * transaction. Null when the client is not rebilled.
 */
export async function previewClientInvoice(tx: Tx, now = new Date()) {
  const state = await clientPlanState(tx);
  if (!state) return null;
  const period = monthOf(now);
  const events = await periodEvents(
    tx,
    state.plan.meters.map((m) => m.meter),
    period,
  );
  return {
    planName: state.plan.name,
    agencyName: state.agencyName,
    periodStart: isoDay(period.start),
    periodEnd: isoDay(period.end),
    spend: await spendState(tx, state, now),
    ...computeInvoice(state.plan, events),
  };
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
 * Invoices one client for one month: computes the lines from its ledger with the plan the
 * agency has it on, writes invoice, lines and trace in one transaction (once per client and
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
    const billing = await db.withTenant(agencyId, async (tx) => {
      const [row] = await tx
        .select({
          planId: clientPlans.id,
          name: clientPlans.name,
          currency: clientPlans.currency,
          baseFeeCents: clientPlans.baseFeeCents,
          markupPercent: clientPlans.markupPercent,
          meters: clientPlans.meters,
        })
        .from(clientBilling)
        .innerJoin(clientPlans, eq(clientPlans.id, clientBilling.planId))
        .where(eq(clientBilling.subaccountId, subaccountId));
      return row;
    });
    if (!billing)
      throw new DomainError("NOT_FOUND", "This client is not on a client plan", "subaccountId");
    const plan: PlanForLines = { ...billing, markupPercent: plainDecimal(billing.markupPercent) };
    const events = await db.withTenant(subaccountId, (tx) =>
      periodEvents(
        tx,
        plan.meters.map((m) => m.meter),
        period,
      ),
    );
    const computed = computeInvoice(plan, events);
    invoiceId =
      (await db.withTenant(agencyId, (tx) =>
        writeInvoice(tx, agencyId, subaccountId, billing.planId, period, computed),
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

/** Creates the invoice on the agency's connected account: customer, items, invoice, finalize. */
async function sendToStripe(db: AppDatabase, stripe: Stripe, agencyId: string, invoiceId: string) {
  const loaded = await db.withTenant(agencyId, async (tx) => {
    const [invoice] = await tx
      .select({
        id: clientInvoices.id,
        subaccountId: clientInvoices.subaccountId,
        currency: clientInvoices.currency,
        periodStart: clientInvoices.periodStart,
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
  const fail = async (message: string) => {
    await db.withTenant(agencyId, (tx) =>
      tx
        .update(clientInvoices)
        .set({ stripeError: message, updatedAt: new Date() })
        .where(eq(clientInvoices.id, invoiceId)),
    );
    return { invoiceId, status: "draft", stripeError: message };
  };
  if (account instanceof DomainError) return fail(account.message);
  const on = (key: string) => ({ stripeAccount: account, idempotencyKey: `omnify-rebill-${key}` });
  try {
    let customer = invoice.customer;
    if (!customer) {
      const created = await stripe.customers.create(
        { name: invoice.clientName, metadata: { omnify_tenant_id: invoice.subaccountId } },
        on(`customer-${invoice.subaccountId}`),
      );
      customer = created.id;
      await db.withTenant(agencyId, (tx) =>
        tx
          .update(clientBilling)
          .set({ stripeCustomerId: created.id })
          .where(eq(clientBilling.subaccountId, invoice.subaccountId)),
      );
    }
    for (const line of lines) {
      if (line.amountCents === 0) continue;
      await stripe.invoiceItems.create(
        {
          customer,
          amount: line.amountCents,
          currency: invoice.currency,
          description: line.description,
          metadata: {
            omnify_invoice_id: invoiceId,
            omnify_line_id: line.id,
            usage_events: String(line.eventCount),
            events_checksum: line.eventsChecksum ?? "",
          },
        },
        on(`item-${line.id}`),
      );
    }
    const draft = await stripe.invoices.create(
      {
        customer,
        currency: invoice.currency,
        collection_method: "send_invoice",
        days_until_due: 14,
        auto_advance: false,
        pending_invoice_items_behavior: "include",
        description: `Services for ${invoice.periodStart.slice(0, 7)}`,
        metadata: { omnify_invoice_id: invoiceId },
      },
      on(`invoice-${invoiceId}`),
    );
    const final =
      draft.status === "draft"
        ? await stripe.invoices.finalizeInvoice(draft.id as string, {}, on(`finalize-${invoiceId}`))
        : draft;
    await db.withTenant(agencyId, (tx) =>
      tx
        .update(clientInvoices)
        .set({
          status: final.status === "paid" ? "paid" : "open",
          stripeInvoiceId: final.id ?? null,
          hostedInvoiceUrl: final.hosted_invoice_url ?? null,
          stripeError: null,
          updatedAt: new Date(),
        })
        .where(eq(clientInvoices.id, invoiceId)),
    );
    return { invoiceId, status: "open", stripeError: null };
  } catch (e) {
    if (e instanceof Stripe.errors.StripeError) return fail(`Stripe: ${e.message}`);
    throw e;
  }
}

/**
 * The monthly job: every rebilled client of every agency is invoiced for the month before
 * `now`. One client's failure (recorded on its draft) does not stop the others.
 */
export async function invoiceAllClients(db: AppDatabase, stripe: Stripe, now = new Date()) {
  const period = previousMonth(now);
  let invoiced = 0;
  let failed = 0;
  for (const tenantId of await allTenantIds(db)) {
    const clients = await db.withTenant(tenantId, (tx) =>
      tx
        .select({ id: clientBilling.subaccountId })
        .from(clientBilling)
        .where(eq(clientBilling.tenantId, tenantId)),
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
