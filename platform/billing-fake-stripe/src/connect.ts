import { missing, required, StripeApiError } from "./errors";
import { type FakeState, newId, type StripeObject } from "./state";

type Params = Record<string, unknown>;
type Handler = (state: FakeState, params: Params, id: string, base: string) => StripeObject;

/**
 * Stripe Connect in the fake: connected accounts, onboarding links, and the `Stripe-Account`
 * header. Every object created under the header belongs to that account; reading or using it
 * without the header (or under another account) answers `resource_missing`, as Stripe does.
 * Objects created without the header belong to the platform.
 */
type ConnectWorld = {
  accounts: Map<string, StripeObject>;
  invoiceItems: Map<string, StripeObject>;
  /** Object id → connected account id; absent = the platform's. */
  owners: Map<string, string>;
  /** The account of the request being handled (handlers run synchronously). */
  current: string | undefined;
};

const worlds = new WeakMap<FakeState, ConnectWorld>();

export function connectOf(state: FakeState): ConnectWorld {
  let w = worlds.get(state);
  if (!w) {
    w = { accounts: new Map(), invoiceItems: new Map(), owners: new Map(), current: undefined };
    worlds.set(state, w);
  }
  return w;
}

/** The connected account an object was created on (undefined for the platform's own). */
export const ownerOf = (state: FakeState, id: string) => connectOf(state).owners.get(id);

function own<T extends StripeObject>(state: FakeState, object: T): T {
  const w = connectOf(state);
  if (w.current) w.owners.set(object.id, w.current);
  return object;
}

/** An event on a connected account carries the account id, as Connect webhooks do. */
function emitOn(state: FakeState, account: string | undefined, type: string, o: StripeObject) {
  const event = state.emit(type, o);
  if (account) event.account = account;
  return event;
}

const inScope = (state: FakeState, id: string) =>
  connectOf(state).owners.get(id) === connectOf(state).current;

function scoped<T extends StripeObject>(
  state: FakeState,
  map: Map<string, T>,
  kind: string,
  id: string,
): T {
  const found = map.get(id);
  if (!found || !inScope(state, id)) throw missing(kind, id);
  return found;
}

/**
 * Called by the server around every API request: sets the request's account, checks the
 * account exists, and refuses ids (the path's and `customer`) that belong elsewhere.
 */
export function enterAccount(
  state: FakeState,
  account: string | undefined,
  pathId: string,
  params: Params,
) {
  const w = connectOf(state);
  if (account && !w.accounts.has(account))
    throw new StripeApiError(
      403,
      "invalid_request_error",
      `The provided key does not have access to account '${account}' (or that account does not exist).`,
      undefined,
      "account_invalid",
    );
  w.current = account;
  if (pathId && !pathId.startsWith("acct_") && w.owners.get(pathId) !== account)
    throw missing("object", pathId);
  const customer = params.customer;
  if (typeof customer === "string" && w.owners.get(customer) !== account)
    throw missing("customer", customer, "customer");
}

/**
 * Called with each response: a created object is recorded as the account's, and lists keep
 * only the account's objects.
 */
export function scopeResult(state: FakeState, result: StripeObject): StripeObject {
  const w = connectOf(state);
  if (result.object === "list" && Array.isArray(result.data))
    return {
      ...result,
      data: (result.data as StripeObject[]).filter((o) => w.owners.get(o.id) === w.current),
    };
  if (w.current && result.object !== "account" && !w.owners.has(result.id))
    w.owners.set(result.id, w.current);
  return result;
}

const createAccount: Handler = (state, p) => {
  if (connectOf(state).current)
    throw new StripeApiError(
      400,
      "invalid_request_error",
      "Connected accounts cannot create other accounts.",
    );
  const account: StripeObject = {
    id: newId("acct"),
    object: "account",
    type: p.type ?? "express",
    country: p.country ?? "US",
    email: p.email ?? null,
    business_profile: { name: (p.business_profile as Params | undefined)?.name ?? null },
    metadata: p.metadata ?? {},
    settings: { payouts: { schedule: payoutSchedule(p) } },
    charges_enabled: false,
    payouts_enabled: false,
    details_submitted: false,
    created: state.now(),
    livemode: false,
  };
  connectOf(state).accounts.set(account.id, account);
  return account;
};

const INTERVALS = ["manual", "daily", "weekly", "monthly"];

/**
 * `settings[payouts][schedule]` as Stripe keeps it: daily with a 2-day delay unless the
 * request says otherwise; an unknown interval is refused naming the parameter.
 */
function payoutSchedule(p: Params, current?: Params): Params {
  const settings = p.settings as Params | undefined;
  const payouts = settings?.payouts as Params | undefined;
  const asked = (payouts?.schedule ?? {}) as Params;
  const interval = String(asked.interval ?? current?.interval ?? "daily");
  if (!INTERVALS.includes(interval))
    throw new StripeApiError(
      400,
      "invalid_request_error",
      `Invalid settings[payouts][schedule][interval]: must be one of ${INTERVALS.join(", ")}`,
      "settings[payouts][schedule][interval]",
    );
  const schedule: Params = { interval };
  if (interval !== "manual")
    schedule.delay_days = Number(asked.delay_days ?? current?.delay_days ?? 2);
  if (interval === "weekly") schedule.weekly_anchor = asked.weekly_anchor ?? "monday";
  if (interval === "monthly") schedule.monthly_anchor = Number(asked.monthly_anchor ?? 1);
  return schedule;
}

/** `POST /v1/accounts/:id`: only `settings[payouts][schedule]` and `metadata` are kept. */
const updateAccount: Handler = (state, p, id) => {
  const acct = account(state, id);
  const settings = (acct.settings ?? {}) as Params;
  const payouts = (settings.payouts ?? {}) as Params;
  if ((p.settings as Params | undefined)?.payouts)
    acct.settings = {
      ...settings,
      payouts: { ...payouts, schedule: payoutSchedule(p, payouts.schedule as Params) },
    };
  if (p.metadata) acct.metadata = { ...(acct.metadata as Params), ...(p.metadata as Params) };
  return acct;
};

function account(state: FakeState, id: string): StripeObject {
  const found = connectOf(state).accounts.get(id);
  if (!found) throw missing("account", id);
  return found;
}

const createAccountLink: Handler = (state, p, _id, base) => {
  const acct = account(state, String(p.account ?? "") || "-");
  const returnUrl = String(p.return_url ?? "");
  if (!returnUrl) throw required("return_url");
  if (p.type !== "account_onboarding" && p.type !== "account_update") throw required("type");
  const q = new URLSearchParams({
    return_url: returnUrl,
    refresh_url: String(p.refresh_url ?? ""),
  });
  return {
    id: newId("acctlink"),
    object: "account_link",
    created: state.now(),
    expires_at: state.now() + 300,
    url: `${base}/connect/onboarding/${acct.id}?${q}`,
  };
};

/** What the onboarding page's Submit does: the account may now take charges and payouts. */
export function completeOnboarding(state: FakeState, accountId: string): StripeObject[] {
  const acct = account(state, accountId);
  Object.assign(acct, { charges_enabled: true, payouts_enabled: true, details_submitted: true });
  return [emitOn(state, acct.id, "account.updated", acct)];
}

const createInvoiceItem: Handler = (state, p) => {
  const customer = String(p.customer ?? "");
  if (!customer) throw required("customer");
  scoped(state, state.customers, "customer", customer);
  if (p.amount === undefined) throw required("amount");
  const amount = Number(p.amount);
  if (!Number.isInteger(amount))
    throw new StripeApiError(400, "invalid_request_error", "Invalid integer: amount", "amount");
  const item = own(state, {
    id: newId("ii"),
    object: "invoiceitem",
    customer,
    amount,
    currency: String(p.currency ?? "usd"),
    description: p.description ?? null,
    metadata: p.metadata ?? {},
    invoice: (p.invoice as string | undefined) ?? null,
    date: state.now(),
    livemode: false,
  });
  connectOf(state).invoiceItems.set(item.id, item);
  return item;
};

function invoiceLines(state: FakeState, invoiceId: string) {
  return [...connectOf(state).invoiceItems.values()]
    .filter((i) => i.invoice === invoiceId)
    .map((i) => ({
      id: newId("il"),
      object: "line_item",
      amount: i.amount,
      currency: i.currency,
      description: i.description,
      metadata: i.metadata,
      invoice_item: i.id,
    }));
}

function totals(state: FakeState, invoice: StripeObject) {
  const data = invoiceLines(state, invoice.id);
  const total = data.reduce((s, l) => s + Number(l.amount), 0);
  Object.assign(invoice, {
    subtotal: total,
    total,
    amount_due: total,
    lines: { object: "list", has_more: false, url: `/v1/invoices/${invoice.id}/lines`, data },
  });
  return invoice;
}

/** A one-off (non-subscription) draft invoice that gathers the customer's pending items. */
const createOneOffInvoice: Handler = (state, p) => {
  const customer = String(p.customer ?? "");
  if (!customer) throw required("customer");
  scoped(state, state.customers, "customer", customer);
  const invoice = own(state, {
    id: newId("in"),
    object: "invoice",
    customer,
    status: "draft",
    currency: String(p.currency ?? "usd"),
    collection_method: p.collection_method ?? "charge_automatically",
    description: p.description ?? null,
    metadata: p.metadata ?? {},
    created: state.now(),
    parent: null,
    amount_paid: 0,
    hosted_invoice_url: null,
    number: null,
    livemode: false,
  });
  if (p.pending_invoice_items_behavior !== "exclude")
    for (const item of connectOf(state).invoiceItems.values())
      if (item.customer === customer && !item.invoice) item.invoice = invoice.id;
  state.invoices.set(invoice.id, totals(state, invoice));
  emitOn(state, connectOf(state).current, "invoice.created", invoice);
  return invoice;
};

const finalizeInvoice: Handler = (state, _p, id) => {
  const invoice = scoped(state, state.invoices, "invoice", id);
  if (invoice.status !== "draft")
    throw new StripeApiError(
      400,
      "invalid_request_error",
      `This invoice is already finalized, you can't re-finalize a non-draft invoice.`,
      undefined,
      "invoice_not_editable",
    );
  totals(state, invoice);
  Object.assign(invoice, {
    status: "open",
    number: `FAKE-${String(state.invoices.size).padStart(4, "0")}`,
    hosted_invoice_url: `https://invoice.fake-stripe.test/${invoice.id}`,
    status_transitions: { finalized_at: state.now() },
  });
  emitOn(state, connectOf(state).current, "invoice.finalized", invoice);
  return invoice;
};

/**
 * `POST /v1/invoices/:id/pay`: the customer pays an open (or uncollectible) invoice, on the
 * account of the `Stripe-Account` header. The `invoice.paid` event carries that account, as
 * Connect webhooks do; a subscription's invoice also makes the subscription active again.
 */
const payInvoice: Handler = (state, _p, id) => {
  const invoice = scoped(state, state.invoices, "invoice", id);
  if (invoice.status === "paid")
    throw new StripeApiError(400, "invalid_request_error", "Invoice is already paid");
  if (invoice.status !== "open" && invoice.status !== "uncollectible")
    throw new StripeApiError(
      400,
      "invalid_request_error",
      `You can only pay an open invoice; this one is ${String(invoice.status)}.`,
    );
  Object.assign(invoice, {
    status: "paid",
    amount_paid: invoice.amount_due,
    amount_remaining: 0,
    status_transitions: {
      ...(invoice.status_transitions as Params | undefined),
      paid_at: state.now(),
    },
  });
  const account = connectOf(state).current;
  emitOn(state, account, "invoice.paid", invoice);
  const parent = invoice.parent as { subscription_details?: { subscription?: string } } | null;
  const sub = state.subscriptions.get(parent?.subscription_details?.subscription ?? "");
  if (sub) {
    sub.status = "active";
    emitOn(state, account, "customer.subscription.updated", sub);
  }
  return invoice;
};

export const connectRoutes: [string, RegExp, Handler][] = [
  ["POST", /^\/v1\/accounts$/, createAccount],
  ["GET", /^\/v1\/accounts\/(acct_[^/]+)$/, (s, _p, id) => account(s, id)],
  ["POST", /^\/v1\/accounts\/(acct_[^/]+)$/, updateAccount],
  ["POST", /^\/v1\/account_links$/, createAccountLink],
  ["POST", /^\/v1\/invoiceitems$/, createInvoiceItem],
  [
    "GET",
    /^\/v1\/invoiceitems\/([^/]+)$/,
    (s, _p, id) => scoped(s, connectOf(s).invoiceItems, "invoiceitem", id),
  ],
  ["POST", /^\/v1\/invoices$/, createOneOffInvoice],
  ["POST", /^\/v1\/invoices\/([^/]+)\/finalize$/, finalizeInvoice],
  ["POST", /^\/v1\/invoices\/([^/]+)\/pay$/, payInvoice],
];

/** The fake's hosted onboarding page: one Submit button that completes the account. */
export function onboardingPage(state: FakeState, accountId: string, query: URLSearchParams) {
  const acct = account(state, accountId);
  const name = String((acct.business_profile as Params).name ?? acct.id);
  const action = `/connect/onboarding/${acct.id}/complete?${query}`;
  return `<!doctype html><title>Fake Stripe Connect onboarding</title><h1>Set up payouts for ${escapeHtml(name)}</h1><p>Fake Stripe Connect: no details needed.</p><form method="post" action="${escapeHtml(action)}"><button>Submit</button></form>`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
