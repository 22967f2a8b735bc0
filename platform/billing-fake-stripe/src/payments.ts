import { connectOf } from "./connect";
import { missing, required, StripeApiError } from "./errors";
import { type FakeState, newId, type StripeObject } from "./state";

type Params = Record<string, unknown>;
type Handler = (state: FakeState, params: Params, id: string, base: string) => StripeObject;

/**
 * Marketplace money in the fake: payment-mode Checkout Sessions become destination charges
 * (PaymentIntent, Charge, ApplicationFee, Transfer to the connected account), refunds unwind
 * them (TransferReversal, ApplicationFeeRefund) in proportion, and payouts leave a connected
 * account's balance. Balances are per account ("" = the platform) and currency.
 */
type MoneyWorld = {
  paymentIntents: Map<string, StripeObject>;
  charges: Map<string, StripeObject>;
  transfers: Map<string, StripeObject>;
  applicationFees: Map<string, StripeObject>;
  refunds: Map<string, StripeObject>;
  payouts: Map<string, StripeObject>;
  balances: Map<string, Map<string, number>>;
};

const worlds = new WeakMap<FakeState, MoneyWorld>();

export function moneyOf(state: FakeState): MoneyWorld {
  let w = worlds.get(state);
  if (!w) {
    w = {
      paymentIntents: new Map(),
      charges: new Map(),
      transfers: new Map(),
      applicationFees: new Map(),
      refunds: new Map(),
      payouts: new Map(),
      balances: new Map(),
    };
    worlds.set(state, w);
  }
  return w;
}

/** Available balance of an account ("" or undefined = the platform) in one currency. */
export function balanceOf(state: FakeState, account: string | undefined, currency: string) {
  return (
    moneyOf(state)
      .balances.get(account ?? "")
      ?.get(currency) ?? 0
  );
}

function credit(state: FakeState, account: string | undefined, currency: string, amount: number) {
  const balances = moneyOf(state).balances;
  const byCurrency = balances.get(account ?? "") ?? new Map<string, number>();
  byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + amount);
  balances.set(account ?? "", byCurrency);
}

const invalid = (message: string, param?: string, code?: string) =>
  new StripeApiError(400, "invalid_request_error", message, param, code);

function integer(p: Params, name: string, path = name): number {
  const raw = p[name];
  if (raw === undefined || raw === "") throw required(path);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw invalid(`Invalid integer: ${String(raw)}`, path);
  return n;
}

function get(map: Map<string, StripeObject>, kind: string, id: string): StripeObject {
  const found = map.get(id);
  if (!found) throw missing(kind, id);
  return found;
}

/** `POST /v1/checkout/sessions` with `mode=payment`: one line, a destination charge. */
export function createPaymentCheckout(state: FakeState, p: Params, base: string): StripeObject {
  const line = ((p.line_items as Params[] | undefined) ?? [])[0];
  const priceData = line?.price_data as Params | undefined;
  if (!priceData) throw required("line_items[0][price_data]");
  const currency = String(priceData.currency ?? "");
  if (!/^[a-z]{3}$/.test(currency)) throw required("line_items[0][price_data][currency]");
  const unit = integer(priceData, "unit_amount", "line_items[0][price_data][unit_amount]");
  const amount = unit * Number(line?.quantity ?? 1);
  const intentData = (p.payment_intent_data as Params | undefined) ?? {};
  const destination = (intentData.transfer_data as Params | undefined)?.destination;
  const fee =
    intentData.application_fee_amount === undefined
      ? 0
      : integer(
          intentData,
          "application_fee_amount",
          "payment_intent_data[application_fee_amount]",
        );
  if (typeof destination === "string") {
    const account = connectOf(state).accounts.get(destination);
    if (!account)
      throw missing("account", destination, "payment_intent_data[transfer_data][destination]");
    if (account.charges_enabled !== true)
      throw invalid(
        "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments",
        "payment_intent_data[transfer_data][destination]",
        "insufficient_capabilities_for_transfer",
      );
  }
  if (fee > amount)
    throw invalid(
      "The application fee amount cannot be greater than the charge amount.",
      "payment_intent_data[application_fee_amount]",
    );
  const success = String(p.success_url ?? "");
  if (!success) throw required("success_url");
  // Stripe: between 30 minutes and 24 hours after creation; 24 hours when not given.
  const expiresAt = p.expires_at === undefined ? state.now() + 86_400 : integer(p, "expires_at");
  if (expiresAt < state.now() + 1800)
    throw invalid(
      "The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.",
      "expires_at",
    );
  if (expiresAt > state.now() + 86_400)
    throw invalid(
      "The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.",
      "expires_at",
    );
  const id = newId("cs");
  const session: StripeObject = {
    id,
    object: "checkout.session",
    mode: "payment",
    status: "open",
    payment_status: "unpaid",
    amount_total: amount,
    currency,
    customer: null,
    customer_email: p.customer_email ?? null,
    client_reference_id: p.client_reference_id ?? null,
    metadata: p.metadata ?? {},
    payment_intent: null,
    success_url: success,
    cancel_url: p.cancel_url ?? null,
    url: `${base}/checkout/${id}`,
    created: state.now(),
    expires_at: expiresAt,
    _description: String((priceData.product_data as Params | undefined)?.name ?? ""),
    _intent: { fee, destination: destination ?? null, metadata: intentData.metadata ?? {} },
  };
  state.checkoutSessions.set(id, session);
  return session;
}

const publicOf = ({ _description, _intent, ...session }: StripeObject) => session as StripeObject;

/** The buyer pays: the charge succeeds, the fee stays with the platform, the rest moves. */
export function completePaymentCheckout(state: FakeState, session: StripeObject): StripeObject[] {
  if (state.now() >= Number(session.expires_at)) {
    // Past `expires_at` the session expires and its page takes no payment.
    session.status = "expired";
    state.emit("checkout.session.expired", publicOf(session));
    throw invalid(
      `This Checkout Session is no longer active: it expired at ${new Date(Number(session.expires_at) * 1000).toISOString()}.`,
    );
  }
  const w = moneyOf(state);
  const { fee, destination, metadata } = session._intent as {
    fee: number;
    destination: string | null;
    metadata: Params;
  };
  const amount = Number(session.amount_total);
  const currency = String(session.currency);
  const pi = newId("pi");
  const ch = newId("ch");
  const transfer = destination
    ? {
        id: newId("tr"),
        object: "transfer",
        amount: amount - fee,
        amount_reversed: 0,
        currency,
        destination,
        source_transaction: ch,
        reversed: false,
        reversals: { object: "list", data: [] as StripeObject[], has_more: false },
        created: state.now(),
      }
    : null;
  const applicationFee = destination
    ? {
        id: newId("fee"),
        object: "application_fee",
        amount: fee,
        amount_refunded: 0,
        currency,
        account: destination,
        charge: ch,
        refunded: false,
        refunds: { object: "list", data: [] as StripeObject[], has_more: false },
        created: state.now(),
      }
    : null;
  const charge: StripeObject = {
    id: ch,
    object: "charge",
    amount,
    amount_captured: amount,
    amount_refunded: 0,
    currency,
    paid: true,
    refunded: false,
    status: "succeeded",
    payment_intent: pi,
    application_fee: applicationFee?.id ?? null,
    application_fee_amount: destination ? fee : null,
    transfer: transfer?.id ?? null,
    transfer_data: destination ? { destination, amount: null } : null,
    destination,
    metadata,
    created: state.now(),
  };
  const intent: StripeObject = {
    id: pi,
    object: "payment_intent",
    amount,
    amount_received: amount,
    currency,
    status: "succeeded",
    application_fee_amount: destination ? fee : null,
    transfer_data: destination ? { destination } : null,
    latest_charge: ch,
    metadata,
    created: state.now(),
  };
  w.paymentIntents.set(pi, intent);
  w.charges.set(ch, charge);
  if (transfer) w.transfers.set(transfer.id, transfer);
  if (applicationFee) w.applicationFees.set(applicationFee.id, applicationFee);
  credit(state, undefined, currency, destination ? fee : amount);
  if (destination) credit(state, destination, currency, amount - fee);
  Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: pi });
  return [
    state.emit("checkout.session.completed", publicOf(session)),
    state.emit("payment_intent.succeeded", intent),
    state.emit("charge.succeeded", charge),
  ];
}

/** Proportional share of `total` for `part` of `whole`; the last part takes what is left. */
const share = (total: number, part: number, whole: number, left: number, last: boolean) =>
  last ? left : Math.min(left, Math.round((total * part) / whole));

/**
 * `POST /v1/refunds` (by payment_intent or charge). `reverse_transfer` pulls the connected
 * account's share back (TransferReversal), `refund_application_fee` returns the platform's
 * fee (ApplicationFeeRefund), both in proportion to the refunded amount.
 */
const createRefund: Handler = (state, p) => {
  const w = moneyOf(state);
  const chargeId =
    typeof p.charge === "string"
      ? p.charge
      : String(
          get(w.paymentIntents, "payment_intent", String(p.payment_intent ?? "")).latest_charge,
        );
  const charge = get(w.charges, "charge", chargeId);
  const amount = Number(charge.amount);
  const left = amount - Number(charge.amount_refunded);
  const value = p.amount === undefined ? left : integer(p, "amount");
  if (value <= 0) throw invalid("Refund amount must be positive.", "amount");
  if (value > left)
    throw invalid(
      `Refund amount (${value}) is greater than unrefunded amount on charge (${left})`,
      "amount",
      "amount_too_large",
    );
  const last = value === left;
  const currency = String(charge.currency);
  const refund: StripeObject = {
    id: newId("re"),
    object: "refund",
    amount: value,
    currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    metadata: p.metadata ?? {},
    status: "succeeded",
    transfer_reversal: null,
    created: state.now(),
  };
  const transfer = charge.transfer ? w.transfers.get(String(charge.transfer)) : undefined;
  let reversed = 0;
  if (p.reverse_transfer === "true" && transfer) {
    const tLeft = Number(transfer.amount) - Number(transfer.amount_reversed);
    reversed = share(Number(transfer.amount), value, amount, tLeft, last);
    const reversal = {
      id: newId("trr"),
      object: "transfer_reversal",
      amount: reversed,
      currency,
      transfer: transfer.id,
      source_refund: refund.id,
      created: state.now(),
    };
    (transfer.reversals as { data: StripeObject[] }).data.push(reversal);
    transfer.amount_reversed = Number(transfer.amount_reversed) + reversed;
    transfer.reversed = transfer.amount_reversed === transfer.amount;
    credit(state, String(transfer.destination), currency, -reversed);
    refund.transfer_reversal = reversal.id;
  }
  const fee = charge.application_fee
    ? w.applicationFees.get(String(charge.application_fee))
    : undefined;
  if (p.refund_application_fee === "true" && fee) {
    const fLeft = Number(fee.amount) - Number(fee.amount_refunded);
    const back = share(Number(fee.amount), value, amount, fLeft, last);
    (fee.refunds as { data: StripeObject[] }).data.push({
      id: newId("fr"),
      object: "fee_refund",
      amount: back,
      currency,
      fee: fee.id,
      created: state.now(),
    });
    fee.amount_refunded = Number(fee.amount_refunded) + back;
    fee.refunded = fee.amount_refunded === fee.amount;
  }
  // The platform pays the buyer and recovers what it reversed from the connected account.
  credit(state, undefined, currency, -(value - reversed));
  charge.amount_refunded = Number(charge.amount_refunded) + value;
  charge.refunded = charge.amount_refunded === amount;
  w.refunds.set(refund.id, refund);
  state.emit("charge.refunded", charge);
  state.emit("refund.created", refund);
  return refund;
};

/** `POST /v1/payouts` (with `Stripe-Account`: from that connected account's balance). */
const createPayout: Handler = (state, p) => {
  const account = connectOf(state).current;
  const amount = integer(p, "amount");
  const currency = String(p.currency ?? "");
  if (!/^[a-z]{3}$/.test(currency)) throw required("currency");
  if (amount <= 0) throw invalid("Payout amount must be positive.", "amount");
  if (account && connectOf(state).accounts.get(account)?.payouts_enabled !== true)
    throw invalid("Payouts are not enabled for this account.", undefined, "payouts_not_allowed");
  if (amount > balanceOf(state, account, currency))
    throw invalid(
      "You have insufficient funds in your Stripe account for this transfer.",
      "amount",
      "balance_insufficient",
    );
  credit(state, account, currency, -amount);
  const payout: StripeObject = {
    id: newId("po"),
    object: "payout",
    amount,
    currency,
    status: "paid",
    arrival_date: state.now() + 86_400,
    metadata: p.metadata ?? {},
    created: state.now(),
  };
  moneyOf(state).payouts.set(payout.id, payout);
  const event = state.emit("payout.paid", payout);
  if (account) event.account = account;
  return payout;
};

const balance: Handler = (state) => {
  const account = connectOf(state).current;
  const byCurrency = moneyOf(state).balances.get(account ?? "") ?? new Map<string, number>();
  return {
    id: "",
    object: "balance",
    available: [...byCurrency].map(([currency, amount]) => ({ amount, currency })),
    pending: [],
    livemode: false,
  };
};

export const paymentRoutes: [string, RegExp, Handler][] = [
  ["POST", /^\/v1\/refunds$/, createRefund],
  ["GET", /^\/v1\/refunds\/([^/]+)$/, (s, _p, id) => get(moneyOf(s).refunds, "refund", id)],
  ["POST", /^\/v1\/payouts$/, createPayout],
  ["GET", /^\/v1\/payouts\/([^/]+)$/, (s, _p, id) => get(moneyOf(s).payouts, "payout", id)],
  ["GET", /^\/v1\/balance$/, balance],
  [
    "GET",
    /^\/v1\/payment_intents\/([^/]+)$/,
    (s, _p, id) => get(moneyOf(s).paymentIntents, "payment_intent", id),
  ],
  ["GET", /^\/v1\/charges\/([^/]+)$/, (s, _p, id) => get(moneyOf(s).charges, "charge", id)],
  ["GET", /^\/v1\/transfers\/([^/]+)$/, (s, _p, id) => get(moneyOf(s).transfers, "transfer", id)],
  [
    "GET",
    /^\/v1\/application_fees\/([^/]+)$/,
    (s, _p, id) => get(moneyOf(s).applicationFees, "application_fee", id),
  ],
];
