import { bad, notFound } from "./errors";
import type { PaystackEvent, PaystackObject, PaystackState } from "./state";

type Body = Record<string, unknown>;
type Handler = (state: PaystackState, body: Body, arg: string, base: string) => unknown;

function text(body: Body, name: string, label: string): string {
  const v = body[name];
  if (typeof v !== "string" || v.trim() === "") throw bad(`${label} is required`);
  return v;
}

function kobo(value: unknown, label: string): number {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n <= 0)
    throw bad(`Invalid ${label}: must be a whole number of kobo above 0`);
  return n;
}

/** Paystack takes subaccount metadata as a JSON string (objects are accepted too). */
function parseMetadata(raw: unknown): unknown {
  if (typeof raw !== "string") return raw ?? null;
  try {
    return JSON.parse(raw);
  } catch {
    throw bad("Metadata must be a valid JSON string");
  }
}

const createSubaccount: Handler = (state, b) => {
  const percentage = Number(b.percentage_charge);
  if (!Number.isFinite(percentage) || percentage < 0 || percentage > 100)
    throw bad("Percentage charge must be between 0 and 100");
  const accountNumber = text(b, "account_number", "Account number");
  if (!/^\d{10}$/.test(accountNumber)) throw bad("Account number must be 10 digits");
  const sub = {
    id: state.id(),
    subaccount_code: state.subaccountCode(),
    business_name: text(b, "business_name", "Business name"),
    settlement_bank: text(b, "settlement_bank", "Settlement bank"),
    account_number: accountNumber,
    percentage_charge: percentage,
    metadata: parseMetadata(b.metadata),
    currency: "NGN",
    active: true,
    createdAt: new Date().toISOString(),
  };
  state.subaccounts.set(sub.subaccount_code, sub);
  return sub;
};

/** A split transaction: `transaction_charge` (flat, kobo) to the integration, the rest to the subaccount. */
const initialize: Handler = (state, b, _arg, base) => {
  const email = text(b, "email", "Email");
  const amount = kobo(b.amount, "amount");
  const reference = text(b, "reference", "Reference");
  if (state.transactions.has(reference)) throw bad("Duplicate Transaction Reference");
  const subaccount = typeof b.subaccount === "string" ? b.subaccount : null;
  if (subaccount && !state.subaccounts.has(subaccount)) throw bad("Invalid Split code");
  const charge = b.transaction_charge === undefined ? null : Number(b.transaction_charge);
  if (charge !== null && (!Number.isSafeInteger(charge) || charge < 0 || charge > amount))
    throw bad("Transaction charge must be a whole number of kobo not above the amount");
  const percentage = subaccount ? Number(state.subaccounts.get(subaccount)?.percentage_charge) : 0;
  const integration = subaccount ? (charge ?? Math.round((amount * percentage) / 100)) : amount;
  const accessCode = state.accessCode();
  state.transactions.set(reference, {
    id: state.id(),
    reference,
    status: "abandoned",
    amount,
    currency: typeof b.currency === "string" ? b.currency.toUpperCase() : "NGN",
    metadata: b.metadata ?? null,
    customer: { email },
    subaccount: subaccount ? state.subaccounts.get(subaccount) : null,
    fees_split: subaccount ? { integration, subaccount: amount - integration, paystack: 0 } : null,
    bearer: b.bearer ?? "account",
    callback_url: b.callback_url ?? null,
    amount_refunded: 0,
    paid_at: null,
    created_at: new Date().toISOString(),
  });
  state.accessCodes.set(accessCode, reference);
  return { authorization_url: `${base}/pay/${accessCode}`, access_code: accessCode, reference };
};

function transaction(state: PaystackState, reference: string): PaystackObject {
  const tx = state.transactions.get(reference);
  if (!tx) throw notFound("Transaction reference not found");
  return tx;
}

/** Publicly visible fields (the fake keeps `amount_refunded` and `callback_url` for itself). */
const view = (tx: PaystackObject) => {
  const { amount_refunded, callback_url, ...rest } = tx;
  return rest;
};

/** The customer pays on the checkout page: the split settles and `charge.success` fires. */
export function pay(state: PaystackState, reference: string): PaystackEvent[] {
  const tx = transaction(state, reference);
  if (tx.status === "success") throw bad("Transaction already paid");
  Object.assign(tx, { status: "success", paid_at: new Date().toISOString() });
  const split = tx.fees_split as { integration: number; subaccount: number } | null;
  const sub = (tx.subaccount as { subaccount_code?: string } | null)?.subaccount_code;
  state.settle("", split ? split.integration : Number(tx.amount));
  if (split && sub) state.settle(sub, split.subaccount);
  return [state.emit("charge.success", view(tx))];
}

/**
 * Refunds part of a paid transaction. The split unwinds in proportion (the subaccount gives
 * back its share), and the refund is processed at once: `refund.processed` fires.
 */
const createRefund: Handler = (state, b) => {
  const ref = text(b, "transaction", "Transaction");
  const tx =
    state.transactions.get(ref) ??
    [...state.transactions.values()].find((t) => String(t.id) === ref);
  if (!tx) throw notFound("Transaction not found");
  if (tx.status !== "success") throw bad("Cannot refund a transaction that was not successful");
  const left = Number(tx.amount) - Number(tx.amount_refunded);
  const amount = b.amount === undefined ? left : kobo(b.amount, "amount");
  if (amount > left) throw bad("Refund amount cannot be more than the unrefunded amount");
  const split = tx.fees_split as { integration: number; subaccount: number } | null;
  const sub = (tx.subaccount as { subaccount_code?: string } | null)?.subaccount_code;
  const last = amount === left;
  const subShare = split
    ? last
      ? split.subaccount -
        Math.round((split.subaccount * Number(tx.amount_refunded)) / Number(tx.amount))
      : Math.round((split.subaccount * amount) / Number(tx.amount))
    : 0;
  if (sub) state.settle(sub, -subShare);
  state.settle("", -(amount - subShare));
  tx.amount_refunded = Number(tx.amount_refunded) + amount;
  const refund = {
    id: state.id(),
    integration: 1,
    domain: "test",
    transaction: { id: tx.id, reference: tx.reference },
    amount,
    currency: tx.currency,
    status: "processed",
    merchant_note: typeof b.merchant_note === "string" ? b.merchant_note : null,
    customer_note: typeof b.customer_note === "string" ? b.customer_note : null,
    subaccount_share: subShare,
    refunded_at: new Date().toISOString(),
  };
  state.refunds.push(refund);
  state.emit("refund.processed", {
    id: refund.id,
    status: "processed",
    transaction_reference: tx.reference,
    refund_reference: `rfd_${refund.id}`,
    amount,
    currency: tx.currency,
    merchant_note: refund.merchant_note,
  });
  return refund;
};

const listRefunds: Handler = (state, _b, query) => {
  const reference = new URLSearchParams(query).get("transaction");
  return state.refunds.filter(
    (r) => !reference || (r.transaction as { reference: string }).reference === reference,
  );
};

/** `METHOD /path` patterns; the first capture is the handler's argument. */
export const routes: [string, RegExp, Handler, string][] = [
  ["POST", /^\/subaccount$/, createSubaccount, "Subaccount created"],
  [
    "GET",
    /^\/subaccount\/([^/]+)$/,
    (s, _b, code) => {
      const sub = s.subaccounts.get(code);
      if (!sub) throw notFound("Subaccount not found");
      return sub;
    },
    "Subaccount retrieved",
  ],
  ["POST", /^\/transaction\/initialize$/, initialize, "Authorization URL created"],
  [
    "GET",
    /^\/transaction\/verify\/([^/]+)$/,
    (s, _b, ref) => view(transaction(s, ref)),
    "Verification successful",
  ],
  ["POST", /^\/refund$/, createRefund, "Refund has been queued for processing"],
  ["GET", /^\/refund$/, listRefunds, "Refunds retrieved"],
];
