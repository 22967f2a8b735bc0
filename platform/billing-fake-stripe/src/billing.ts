import { connectOf } from "./connect";
import { missing, StripeApiError } from "./errors";
import { type FakeState, MONTH_SECONDS, newId, type StripeObject } from "./state";

type Item = StripeObject & {
  price: StripeObject;
  current_period_start: number;
  current_period_end: number;
};

export function subscriptionItem(sub: StripeObject): Item {
  const item = (sub.items as { data: Item[] }).data[0];
  if (!item) throw new Error(`subscription ${sub.id} has no item`);
  return item;
}

/** A new subscription on `priceId`, with its first period's invoice paid. */
export function createSubscription(
  state: FakeState,
  customer: string,
  priceId: string,
  opts: { metadata?: Record<string, unknown>; trialDays?: number } = {},
): StripeObject {
  const price = state.prices.get(priceId);
  if (!price) throw missing("price", priceId, "price");
  const start = state.now();
  const sub: StripeObject = {
    id: newId("sub"),
    object: "subscription",
    customer,
    status: opts.trialDays ? "trialing" : "active",
    created: start,
    metadata: opts.metadata ?? {},
    cancel_at_period_end: false,
    trial_end: opts.trialDays ? start + opts.trialDays * 86_400 : null,
    items: {
      object: "list",
      has_more: false,
      url: "/v1/subscription_items",
      data: [
        {
          id: newId("si"),
          object: "subscription_item",
          price,
          quantity: 1,
          current_period_start: start,
          current_period_end: start + MONTH_SECONDS,
        },
      ],
    },
    latest_invoice: null,
  };
  state.subscriptions.set(sub.id, sub);
  const invoice = createInvoice(state, sub, opts.trialDays ? "paid" : "paid");
  sub.latest_invoice = invoice.id;
  return sub;
}

function line(description: string, amount: number, price: StripeObject, proration: boolean) {
  return {
    id: newId("il"),
    object: "line_item",
    amount,
    currency: price.currency,
    description,
    proration,
    pricing: { price_details: { price: price.id } },
  };
}

/**
 * The invoice for the subscription's current period: the plan line plus any proration lines
 * left by a mid-cycle change, which this invoice consumes.
 */
export function createInvoice(
  state: FakeState,
  sub: StripeObject,
  status: "paid" | "open",
): StripeObject {
  const customer = String(sub.customer);
  const item = subscriptionItem(sub);
  const pending = state.pendingLines.get(customer) ?? [];
  state.pendingLines.delete(customer);
  const planLine = line(`1 × ${item.price.id}`, Number(item.price.unit_amount), item.price, false);
  const lines = [...pending, planLine];
  const total = lines.reduce((sum, l) => sum + Number(l.amount), 0);
  const invoice: StripeObject = {
    id: newId("in"),
    object: "invoice",
    customer,
    status,
    currency: item.price.currency,
    created: state.now(),
    period_start: item.current_period_start,
    period_end: item.current_period_end,
    subtotal: total,
    total,
    amount_due: total,
    amount_paid: status === "paid" ? total : 0,
    hosted_invoice_url: `https://invoice.fake-stripe.test/${customer}`,
    parent: {
      type: "subscription_details",
      subscription_details: { subscription: sub.id, metadata: sub.metadata },
    },
    lines: { object: "list", has_more: false, url: "/v1/invoices/lines", data: lines },
  };
  state.invoices.set(invoice.id, invoice);
  return invoice;
}

/**
 * Changes the subscription's price. Unless proration is off, the unused part of the old
 * price becomes a credit and the rest of the period on the new price a charge, both on the
 * next invoice, as Stripe's default `create_prorations` does.
 */
export function changePrice(
  state: FakeState,
  sub: StripeObject,
  priceId: string,
  proration: string,
) {
  const price = state.prices.get(priceId);
  if (!price) throw missing("price", priceId, "items[0][price]");
  if (sub.status === "canceled")
    throw new StripeApiError(
      400,
      "invalid_request_error",
      "A canceled subscription can't be updated.",
      "items",
    );
  const item = subscriptionItem(sub);
  const period = item.current_period_end - item.current_period_start;
  const left = Math.max(0, item.current_period_end - state.now()) / period;
  if (proration !== "none") {
    const lines = state.pendingLines.get(String(sub.customer)) ?? [];
    const old = item.price;
    lines.push(
      line(`Unused time on ${old.id}`, -Math.round(Number(old.unit_amount) * left), old, true),
    );
    lines.push(
      line(
        `Remaining time on ${price.id}`,
        Math.round(Number(price.unit_amount) * left),
        price,
        true,
      ),
    );
    state.pendingLines.set(String(sub.customer), lines);
  }
  item.price = price;
}

/*
 * One-off invoices' items on a connected account (created by connect.ts's routes): listing
 * them the way `GET /v1/invoiceitems` does, deleting one, and a draft's lines as they stand.
 */

type ListParams = Record<string, unknown>;

const mine = (state: FakeState, id: string) =>
  connectOf(state).owners.get(id) === connectOf(state).current;

/**
 * `GET /v1/invoiceitems`: the account's items, newest first, narrowed by `customer`,
 * `invoice` and `pending` (true: not on any invoice yet), paged by `limit` and `starting_after`.
 */
export function listInvoiceItems(state: FakeState, p: ListParams): StripeObject {
  const pending = p.pending === undefined ? undefined : p.pending === "true";
  const all = [...connectOf(state).invoiceItems.values()]
    .filter((i) => mine(state, i.id))
    .filter((i) => !p.customer || i.customer === p.customer)
    .filter((i) => !p.invoice || i.invoice === p.invoice)
    .filter((i) => pending === undefined || (i.invoice === null) === pending)
    .reverse();
  const after = typeof p.starting_after === "string" ? p.starting_after : "";
  const from = after ? all.findIndex((i) => i.id === after) + 1 : 0;
  const limit = Math.min(100, Math.max(1, Number(p.limit ?? 10)));
  const data = all.slice(from, from + limit);
  return {
    id: "",
    object: "list",
    data,
    has_more: from + limit < all.length,
    url: "/v1/invoiceitems",
  };
}

/**
 * `DELETE /v1/invoiceitems/:id`: allowed while the item is pending or on a draft invoice,
 * refused once its invoice is finalized (as on Stripe).
 */
export function deleteInvoiceItem(state: FakeState, id: string): StripeObject {
  const items = connectOf(state).invoiceItems;
  const item = items.get(id);
  if (!item || !mine(state, id)) throw missing("invoiceitem", id);
  const invoice = item.invoice ? state.invoices.get(String(item.invoice)) : undefined;
  if (invoice && invoice.status !== "draft")
    throw new StripeApiError(
      400,
      "invalid_request_error",
      "You can only delete invoice items that are pending or on a draft invoice.",
      undefined,
      "invoice_not_editable",
    );
  items.delete(id);
  return { id, object: "invoiceitem", deleted: true };
}

/**
 * `GET /v1/invoices/:id`. A draft shows the items attached to it now (items created with
 * `invoice` after the draft was made count), with its totals; a finalized one is as it was.
 */
export function retrieveInvoice(state: FakeState, id: string): StripeObject {
  const invoice = state.invoices.get(id);
  if (!invoice) throw missing("invoice", id);
  if (invoice.status !== "draft" || invoice.parent) return invoice;
  const data = [...connectOf(state).invoiceItems.values()]
    .filter((i) => i.invoice === id)
    .map((i) => ({
      id: `il_${i.id}`,
      object: "line_item",
      amount: i.amount,
      currency: i.currency,
      description: i.description,
      metadata: i.metadata,
      invoice_item: i.id,
    }));
  const total = data.reduce((s, l) => s + Number(l.amount), 0);
  return Object.assign(invoice, {
    subtotal: total,
    total,
    amount_due: total,
    lines: { object: "list", has_more: false, url: `/v1/invoices/${id}/lines`, data },
  });
}
