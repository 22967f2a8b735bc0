import { randomBytes } from "node:crypto";
import type { PaymentsSink } from "@omnify/plugin-host";
import type { PaymentRefundedEvent, PaymentSucceededEvent } from "../payments.ts";
import { HostApiError } from "../runtime/host-api-error.ts";

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString("hex")}`;
const refused = (message: string) => new HostApiError("bad_request", message);
const missing = (message: string) => new HostApiError("not_found", message);

export type FakeCheckout = PaymentSucceededEvent & {
  tenantId: string;
  /** Epoch ms after which paying is refused (Stripe's `expires_at`); Paystack has none. */
  expiresAtMs: number | null;
  paid: boolean;
  refunded: number;
  feeRefunded: number;
  reversed: number;
};
export type FakeRefund = PaymentRefundedEvent & {
  tenantId: string;
  transferReversalId: string | null;
  applicationFeeRefunded: number;
};
export type FakePayout = {
  tenantId: string;
  payoutId: string;
  accountId: string;
  amount: number;
  currency: string;
};
type Account = { tenantId: string; onboarded: boolean };

/** Proportional share of `total` for `part` of `whole`; the last part takes what is left. */
const share = (total: number, part: number, whole: number, left: number, last: boolean) =>
  last ? left : Math.min(left, Math.round((total * part) / whole));

/**
 * An in-memory stand-in for the host's payment providers with their money rules (the
 * harness has no core): a connected account is ready at once (`setOnboarded(id, false)`
 * makes it refuse charges and payouts like an unfinished Stripe onboarding), a checkout or
 * refund or payout with a used idempotency key returns the first result, a refund unwinds
 * the transfer and the fee in proportion, a payout cannot exceed the account's balance, and
 * a plugin only ever sees its own tenant's payments. Payment events are delivered by the
 * test (`p.payments.pay`, `p.payments.deliverRefunds`), as webhooks would deliver them.
 */
export function createFakePayments() {
  const accounts = new Map<string, Account>();
  const checkouts = new Map<string, FakeCheckout>();
  const byKey = new Map<string, unknown>();
  const refunds: FakeRefund[] = [];
  const payouts: FakePayout[] = [];
  const pendingRefunds: FakeRefund[] = [];
  const balances = new Map<string, number>();
  const credit = (account: string, currency: string, amount: number) =>
    balances.set(`${account}:${currency}`, (balances.get(`${account}:${currency}`) ?? 0) + amount);
  const once = <T>(tenantId: string, op: string, key: string, make: () => T): T => {
    const k = `${tenantId}\n${op}\n${key}`;
    if (!byKey.has(k)) byKey.set(k, make());
    return byKey.get(k) as T;
  };
  const account = (tenantId: string, accountId: string) => {
    const a = accounts.get(accountId);
    if (!a || a.tenantId !== tenantId) throw missing(`accountId: No such account '${accountId}'`);
    return a;
  };

  const sink: PaymentsSink = {
    "payments.createConnectedAccount": async ({ tenantId }) => {
      const accountId = id("acct");
      // Ready at once, so plugin tests need no onboarding step (`p.payments.offboard` undoes it).
      accounts.set(accountId, { tenantId, onboarded: true });
      return {
        accountId,
        onboardingUrl: `https://connect.fake-stripe.test/onboarding/${accountId}`,
      };
    },
    "payments.getConnectedAccount": async ({ tenantId }, a) => {
      const { onboarded } = account(tenantId, a.accountId);
      return { accountId: a.accountId, chargesEnabled: onboarded, payoutsEnabled: onboarded };
    },
    "payments.createSubaccount": async ({ tenantId }) => {
      const subaccountCode = `ACCT_${randomBytes(7).toString("hex")}`;
      accounts.set(subaccountCode, { tenantId, onboarded: true });
      return { subaccountCode };
    },
    "payments.createCheckout": async ({ tenantId }, a) => {
      if (a.applicationFeeAmount >= a.amount)
        throw refused("applicationFeeAmount: applicationFeeAmount must be less than amount");
      if (a.provider === "paystack" && !a.customerEmail)
        throw refused("customerEmail: Paystack needs the payer's e-mail (customerEmail)");
      if (!a.destination.startsWith(a.provider === "stripe" ? "acct_" : "ACCT_"))
        throw refused(`destination: not a ${a.provider} destination`);
      if (!account(tenantId, a.destination).onboarded)
        throw refused("destination: the connected account has not finished onboarding");
      return once(tenantId, "checkout", a.idempotencyKey, () => {
        const checkoutId = a.provider === "stripe" ? id("cs") : id("omn");
        // Stripe moves the expiry into its window (30 minutes to 24 hours, as the host does).
        const expiresAtMs =
          a.provider === "stripe" && a.expiresAt
            ? Math.min(
                Math.max(Date.parse(a.expiresAt), Date.now() + 31 * 60_000),
                Date.now() + 24 * 3_600_000 - 60_000,
              )
            : null;
        checkouts.set(checkoutId, {
          tenantId,
          provider: a.provider,
          reference: a.reference,
          checkoutId,
          paymentId: a.provider === "stripe" ? id("pi") : checkoutId,
          amount: a.amount,
          currency: a.currency.toLowerCase(),
          applicationFeeAmount: a.applicationFeeAmount,
          destination: a.destination,
          expiresAtMs,
          paid: false,
          refunded: 0,
          feeRefunded: 0,
          reversed: 0,
        });
        return {
          provider: a.provider,
          checkoutId,
          url: `https://pay.fake.test/${checkoutId}`,
          ...(expiresAtMs === null ? {} : { expiresAt: new Date(expiresAtMs).toISOString() }),
        };
      });
    },
    "payments.refund": async ({ tenantId }, a) => {
      const c = [...checkouts.values()].find((x) => x.paymentId === a.paymentId && x.paid);
      if (!c || c.tenantId !== tenantId)
        throw missing("paymentId: No such payment for this plugin");
      return once(tenantId, "refund", a.idempotencyKey, () => {
        const left = c.amount - c.refunded;
        if (a.amount > left)
          throw refused(
            `amount: Refund amount (${a.amount}) is greater than what is left (${left})`,
          );
        const last = a.amount === left;
        const transfer = c.amount - c.applicationFeeAmount;
        const reversed = a.reverseTransfer
          ? share(transfer, a.amount, c.amount, transfer - c.reversed, last)
          : 0;
        const fee = a.refundApplicationFee
          ? share(
              c.applicationFeeAmount,
              a.amount,
              c.amount,
              c.applicationFeeAmount - c.feeRefunded,
              last,
            )
          : 0;
        Object.assign(c, {
          refunded: c.refunded + a.amount,
          reversed: c.reversed + reversed,
          feeRefunded: c.feeRefunded + fee,
        });
        credit(c.destination, c.currency, -reversed);
        const refund: FakeRefund = {
          tenantId,
          provider: c.provider,
          reference: c.reference,
          paymentId: c.paymentId,
          refundId: c.provider === "stripe" ? id("re") : String(Date.now()),
          amount: a.amount,
          transferReversalId: c.provider === "stripe" && reversed > 0 ? id("trr") : null,
          applicationFeeRefunded: fee,
        };
        refunds.push(refund);
        pendingRefunds.push(refund);
        return {
          refundId: refund.refundId,
          amount: refund.amount,
          transferReversalId: refund.transferReversalId,
          applicationFeeRefunded: fee,
        };
      });
    },
    "payments.payout": async ({ tenantId }, a) => {
      if (!account(tenantId, a.accountId).onboarded)
        throw refused("accountId: Payouts are not enabled for this account");
      return once(tenantId, "payout", a.idempotencyKey, () => {
        const currency = a.currency.toLowerCase();
        const available = balances.get(`${a.accountId}:${currency}`) ?? 0;
        if (a.amount > available)
          throw refused(`amount: insufficient funds (${available} ${currency} available)`);
        credit(a.accountId, currency, -a.amount);
        const payout = {
          tenantId,
          payoutId: id("po"),
          accountId: a.accountId,
          amount: a.amount,
          currency,
        };
        payouts.push(payout);
        return { payoutId: payout.payoutId };
      });
    },
  };

  return {
    sink,
    checkouts,
    refunds,
    payouts,
    /** Sets whether an account has finished onboarding (new accounts have). */
    setOnboarded(accountId: string, onboarded: boolean) {
      const a = accounts.get(accountId);
      if (!a) throw new Error(`no connected account ${accountId}`);
      a.onboarded = onboarded;
    },
    /**
     * The buyer pays (at `atMs`, default now): the destination's balance grows by amount − fee;
     * returns the event payload. An expired Stripe checkout refuses, as its page would.
     */
    pay(checkoutId: string, atMs = Date.now()): { tenantId: string; event: PaymentSucceededEvent } {
      const c = checkouts.get(checkoutId);
      if (!c) throw new Error(`no checkout ${checkoutId}`);
      if (c.paid) throw new Error(`checkout ${checkoutId} is already paid`);
      if (c.expiresAtMs !== null && atMs >= c.expiresAtMs)
        throw new Error(
          `checkout ${checkoutId} expired at ${new Date(c.expiresAtMs).toISOString()}; it takes no payment`,
        );
      c.paid = true;
      credit(c.destination, c.currency, c.amount - c.applicationFeeAmount);
      const { tenantId, expiresAtMs, paid, refunded, feeRefunded, reversed, ...event } = c;
      return { tenantId, event };
    },
    /** Refunds not yet delivered as `payments.refunded`, oldest first (and forgets them). */
    takeRefundEvents(): { tenantId: string; event: PaymentRefundedEvent }[] {
      return pendingRefunds
        .splice(0)
        .map(({ tenantId, transferReversalId, applicationFeeRefunded, ...event }) => ({
          tenantId,
          event,
        }));
    },
    balance: (accountId: string, currency: string) =>
      balances.get(`${accountId}:${currency.toLowerCase()}`) ?? 0,
  };
}
export type FakePayments = ReturnType<typeof createFakePayments>;

/** Wraps a payments sink so each successful call is also reported (for `p.recorded.payments`). */
export function recordPayments(
  inner: PaymentsSink,
  record: (e: { tenantId: string; method: string; args: unknown; result: unknown }) => void,
): PaymentsSink {
  const wrapped = {} as Record<
    string,
    (o: { tenantId: string; pluginId: string }, a: never) => Promise<unknown>
  >;
  for (const [name, fn] of Object.entries(inner) as [
    string,
    (o: unknown, a: unknown) => Promise<unknown>,
  ][]) {
    wrapped[name] = async (origin, args) => {
      const result = await fn(origin, args);
      record({ tenantId: origin.tenantId, method: name.replace(/^payments\./, ""), args, result });
      return result;
    };
  }
  return wrapped as unknown as PaymentsSink;
}
