import { type AppDatabase, sql } from "@omnify/db";
import type Stripe from "stripe";
import { badInput } from "../errors";
import { checkoutOnce } from "./checkout-store";
import { providerKey } from "./idempotency";
import type { PaystackClient } from "./paystack-client";
import { paystackPayments } from "./paystack-payments";
import { stripePayments } from "./stripe-payments";
import type {
  CreateCheckoutInput,
  CreateConnectedAccountInput,
  CreateSubaccountInput,
  PaymentOrigin,
  PaymentProvider,
  PayoutInput,
  RefundInput,
} from "./types";

export type PaymentsDeps = { db: AppDatabase; stripe?: Stripe; paystack?: PaystackClient };

const positiveInt = (field: string, n: number) => {
  if (!Number.isSafeInteger(n) || n <= 0)
    throw badInput(field, `${field} must be a whole number of minor units above 0`);
};

function checkMoney(input: CreateCheckoutInput) {
  positiveInt("amount", input.amount);
  if (!Number.isSafeInteger(input.applicationFeeAmount) || input.applicationFeeAmount < 0)
    throw badInput("applicationFeeAmount", "applicationFeeAmount must be a whole number ≥ 0");
  if (input.applicationFeeAmount >= input.amount)
    throw badInput("applicationFeeAmount", "applicationFeeAmount must be less than amount");
  if (!/^[a-zA-Z]{3}$/.test(input.currency))
    throw badInput("currency", "currency must be an ISO 4217 code like 'usd' or 'ngn'");
}

/**
 * The payments capability: what `ctx.payments` reaches through the runtime. Keys live in
 * the clients given here; every call acts for the invocation's tenant and plugin.
 */
export function createPaymentsService(deps: PaymentsDeps) {
  const stripe = deps.stripe ? stripePayments(deps.stripe) : undefined;
  const paystack = deps.paystack ? paystackPayments(deps.paystack) : undefined;
  const notConfigured = (p: PaymentProvider) =>
    badInput(
      "provider",
      `${p === "stripe" ? "Stripe" : "Paystack"} is not configured on this host`,
    );
  const useStripe = () => {
    if (!stripe) throw notConfigured("stripe");
    return stripe;
  };
  const usePaystack = () => {
    if (!paystack) throw notConfigured("paystack");
    return paystack;
  };

  /**
   * Calls with one idempotency key run one at a time (a transaction-scoped advisory lock), so
   * a concurrent retry finds the first one's result instead of racing it: Paystack refunds
   * have no idempotency of their own, only the note a retry looks for.
   */
  const oneAtATime = <T>(o: PaymentOrigin, op: string, key: string, fn: () => Promise<T>) =>
    deps.db.withTenant(o.tenantId, async (tx) => {
      await tx.execute(
        sql`select pg_advisory_xact_lock(hashtextextended(${providerKey(o, op, key)}, 0))`,
      );
      return fn();
    });

  return {
    createConnectedAccount: (o: PaymentOrigin, input: CreateConnectedAccountInput) =>
      useStripe().createConnectedAccount(o, input),
    getConnectedAccount: (o: PaymentOrigin, input: { accountId: string }) =>
      useStripe().getConnectedAccount(o, input.accountId),
    createSubaccount: (o: PaymentOrigin, input: CreateSubaccountInput) =>
      usePaystack().createSubaccount(o, input),
    async createCheckout(o: PaymentOrigin, input: CreateCheckoutInput) {
      checkMoney(input);
      const provider = input.provider === "stripe" ? useStripe() : usePaystack();
      return checkoutOnce(deps.db, o, input, () => provider.createCheckout(o, input));
    },
    async refund(o: PaymentOrigin, input: RefundInput) {
      positiveInt("amount", input.amount);
      const provider = input.provider === "stripe" ? useStripe() : usePaystack();
      return oneAtATime(o, "refund", input.idempotencyKey, () => provider.refund(o, input));
    },
    async payout(o: PaymentOrigin, input: PayoutInput) {
      positiveInt("amount", input.amount);
      const stripe = useStripe();
      return oneAtATime(o, "payout", input.idempotencyKey, () => stripe.payout(o, input));
    },
  };
}
export type PaymentsService = ReturnType<typeof createPaymentsService>;
