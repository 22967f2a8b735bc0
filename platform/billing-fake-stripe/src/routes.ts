import {
  changePrice,
  createSubscription,
  deleteInvoiceItem,
  listInvoiceItems,
  retrieveInvoice,
} from "./billing";
import { missing, required } from "./errors";
import { completePaymentCheckout, createPaymentCheckout } from "./payments";
import { type FakeState, newId, type StripeObject } from "./state";

type Params = Record<string, unknown>;
type Handler = (state: FakeState, params: Params, id: string, base: string) => StripeObject;

const list = (data: StripeObject[], url: string) => ({
  id: "",
  object: "list",
  data,
  has_more: false,
  url,
});

function get<T extends StripeObject>(map: Map<string, T>, kind: string, id: string): T {
  const found = map.get(id);
  if (!found) throw missing(kind, id);
  return found;
}

function mustString(params: Params, name: string): string {
  const v = params[name];
  if (typeof v !== "string" || v === "") throw required(name);
  return v;
}

const createCustomer: Handler = (state, p) => {
  const customer: StripeObject = {
    id: newId("cus"),
    object: "customer",
    email: p.email ?? null,
    name: p.name ?? null,
    metadata: p.metadata ?? {},
    created: state.now(),
    livemode: false,
  };
  state.customers.set(customer.id, customer);
  return customer;
};

const createCheckout: Handler = (state, p, _id, base) => {
  if (p.mode === "payment") return publicView(createPaymentCheckout(state, p, base));
  if (p.mode !== "subscription") throw required("mode");
  const customer = mustString(p, "customer");
  get(state.customers, "customer", customer);
  const success = mustString(p, "success_url");
  const items = (p.line_items as Params[] | undefined) ?? [];
  const price = typeof items[0]?.price === "string" ? items[0].price : "";
  if (!price) throw required("line_items[0][price]");
  if (!state.prices.has(price)) throw missing("price", price, "line_items[0][price]");
  const id = newId("cs");
  const session: StripeObject = {
    id,
    object: "checkout.session",
    mode: "subscription",
    status: "open",
    payment_status: "unpaid",
    customer,
    client_reference_id: p.client_reference_id ?? null,
    metadata: p.metadata ?? {},
    subscription: null,
    success_url: success,
    cancel_url: p.cancel_url ?? null,
    url: `${base}/checkout/${id}`,
    created: state.now(),
    // Kept for completion; Stripe does not echo these, so they are not part of the object.
    _price: price,
    _subscriptionData: p.subscription_data ?? {},
  };
  state.checkoutSessions.set(id, session);
  return publicView(session);
};

const createPortal: Handler = (state, p, _id, base) => {
  const customer = mustString(p, "customer");
  get(state.customers, "customer", customer);
  const id = newId("bps");
  return {
    id,
    object: "billing_portal.session",
    customer,
    return_url: p.return_url ?? null,
    url: `${base}/portal/${id}`,
    created: state.now(),
  };
};

const updateSubscription: Handler = (state, p, id) => {
  const sub = get(state.subscriptions, "subscription", id);
  const items = (p.items as Params[] | undefined) ?? [];
  const price = items[0]?.price;
  if (typeof price === "string")
    changePrice(state, sub, price, String(p.proration_behavior ?? "create_prorations"));
  if (p.metadata && typeof p.metadata === "object")
    sub.metadata = { ...(sub.metadata as Params), ...(p.metadata as Params) };
  state.emit("customer.subscription.updated", sub);
  return sub;
};

const listInvoices: Handler = (state, p) => {
  const all = [...state.invoices.values()]
    .filter((i) => !p.customer || i.customer === p.customer)
    .sort((a, b) => Number(b.created) - Number(a.created));
  return list(all.slice(0, Number(p.limit ?? 10)), "/v1/invoices");
};

/** Strips the fake's private `_` fields from what goes over the wire. */
export function publicView(o: StripeObject): StripeObject {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith("_"))) as StripeObject;
}

/** Completes an open Checkout session the way a paying customer would. */
export function completeCheckout(state: FakeState, sessionId: string): StripeObject[] {
  const session = get(state.checkoutSessions, "checkout.session", sessionId);
  if (session.status !== "open") throw missing("open checkout.session", sessionId);
  if (session.mode === "payment") return completePaymentCheckout(state, session);
  const data = session._subscriptionData as Params;
  const sub = createSubscription(state, String(session.customer), String(session._price), {
    metadata: (data.metadata as Params | undefined) ?? {},
    trialDays: data.trial_period_days ? Number(data.trial_period_days) : undefined,
  });
  Object.assign(session, { status: "complete", payment_status: "paid", subscription: sub.id });
  const invoice = state.invoices.get(String(sub.latest_invoice));
  const events = [
    state.emit("checkout.session.completed", publicView(session)),
    state.emit("customer.subscription.created", sub),
  ];
  if (invoice) events.push(state.emit("invoice.paid", invoice));
  return events;
}

/** `METHOD /v1/path` patterns; `:id` captures one segment. */
export const routes: [string, RegExp, Handler][] = [
  ["POST", /^\/v1\/customers$/, createCustomer],
  ["GET", /^\/v1\/customers\/([^/]+)$/, (s, _p, id) => get(s.customers, "customer", id)],
  ["POST", /^\/v1\/checkout\/sessions$/, createCheckout],
  [
    "GET",
    /^\/v1\/checkout\/sessions\/([^/]+)$/,
    (s, _p, id) => publicView(get(s.checkoutSessions, "checkout.session", id)),
  ],
  ["POST", /^\/v1\/billing_portal\/sessions$/, createPortal],
  [
    "GET",
    /^\/v1\/subscriptions\/([^/]+)$/,
    (s, _p, id) => get(s.subscriptions, "subscription", id),
  ],
  ["POST", /^\/v1\/subscriptions\/([^/]+)$/, updateSubscription],
  ["GET", /^\/v1\/invoices$/, listInvoices],
  ["GET", /^\/v1\/invoices\/([^/]+)$/, (s, _p, id) => retrieveInvoice(s, id)],
  ["GET", /^\/v1\/invoiceitems$/, listInvoiceItems],
  ["DELETE", /^\/v1\/invoiceitems\/([^/]+)$/, (s, _p, id) => deleteInvoiceItem(s, id)],
  ["GET", /^\/v1\/prices$/, (s) => list([...s.prices.values()], "/v1/prices")],
  ["GET", /^\/v1\/prices\/([^/]+)$/, (s, _p, id) => get(s.prices, "price", id)],
];
