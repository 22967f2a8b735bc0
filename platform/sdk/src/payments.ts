/**
 * `ctx.payments` (`capabilities.payments`): marketplace money through the host's Stripe
 * Connect and Paystack accounts. The plugin never sees a key; amounts are integers in the
 * currency's minor unit (cents, kobo). `idempotencyKey` reaches the provider (Stripe's
 * Idempotency-Key, Paystack's reference), scoped to the tenant and plugin, so a retried call
 * never charges, refunds or pays out twice.
 */
export const PAYMENT_PROVIDERS = ["stripe", "paystack"] as const;
export type PaymentProvider = (typeof PAYMENT_PROVIDERS)[number];

export type CreateConnectedAccountInput = {
  provider: "stripe";
  email: string;
  /** ISO 3166-1 alpha-2, e.g. "US". */
  country: string;
  /** Where onboarding sends the owner when done, and when the link expired. */
  returnUrl: string;
  refreshUrl: string;
};
export type ConnectedAccount = {
  accountId: string;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
};

export type CreateSubaccountInput = {
  provider: "paystack";
  businessName: string;
  /** Paystack bank code, e.g. "058". */
  settlementBank: string;
  accountNumber: string;
  /** The platform's default share of each payment, in percent. */
  percentageCharge: number;
};

export type CreateCheckoutInput = {
  provider: PaymentProvider;
  /** Minor units, integer > 0. */
  amount: number;
  /** ISO 4217, e.g. "usd", "ngn" (case-insensitive). */
  currency: string;
  /** Stripe connected account (`acct_…`) or Paystack subaccount code (`ACCT_…`). */
  destination: string;
  /** The platform's part of `amount` (minor units); the rest goes to `destination`. */
  applicationFeeAmount: number;
  description: string;
  /** The plugin's own id for this payment (a booking id); comes back in payment events. */
  reference: string;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
  customerEmail?: string;
  /**
   * ISO instant after which the checkout refuses payment (e.g. when the plugin's hold on
   * what is being bought ends). Stripe: the session's `expires_at`, moved into Stripe's
   * window (at least 31 minutes, at most 24 hours from now); the result says when it
   * really expires. Paystack has no expiry for a transaction: the link stays payable, so
   * the plugin must refund a payment that arrives after its hold ended.
   */
  expiresAt?: string;
};
export type Checkout = {
  provider: PaymentProvider;
  checkoutId: string;
  url: string;
  /**
   * When the checkout stops taking payment (Stripe), if `expiresAt` was asked for. Absent
   * for Paystack and when a retry with the same idempotency key returns the stored checkout.
   */
  expiresAt?: string;
};

export type RefundInput = {
  provider: PaymentProvider;
  /** `paymentId` from `payments.succeeded` (Stripe PaymentIntent id, Paystack reference). */
  paymentId: string;
  /** Minor units; at most what is left unrefunded. */
  amount: number;
  /** Required to be explicit: take the owner's share back from the connected account. */
  reverseTransfer: boolean;
  /** Required to be explicit: give back the platform's fee in proportion. */
  refundApplicationFee: boolean;
  idempotencyKey: string;
};
export type Refund = {
  refundId: string;
  amount: number;
  transferReversalId: string | null;
  applicationFeeRefunded: number;
};

export type PayoutInput = {
  provider: "stripe";
  accountId: string;
  amount: number;
  currency: string;
  idempotencyKey: string;
};

/** Plugin event `payments.succeeded` (subscribe in `capabilities.events.subscribe`). */
export type PaymentSucceededEvent = {
  provider: PaymentProvider;
  reference: string;
  checkoutId: string;
  paymentId: string;
  amount: number;
  currency: string;
  applicationFeeAmount: number;
  destination: string;
};
/** Plugin event `payments.refunded`. */
export type PaymentRefundedEvent = {
  provider: PaymentProvider;
  reference: string;
  paymentId: string;
  refundId: string;
  amount: number;
};

export type PluginPayments = {
  createConnectedAccount(
    input: CreateConnectedAccountInput,
  ): Promise<{ accountId: string; onboardingUrl: string }>;
  getConnectedAccount(input: { provider: "stripe"; accountId: string }): Promise<ConnectedAccount>;
  createSubaccount(input: CreateSubaccountInput): Promise<{ subaccountCode: string }>;
  createCheckout(input: CreateCheckoutInput): Promise<Checkout>;
  refund(input: RefundInput): Promise<Refund>;
  payout(input: PayoutInput): Promise<{ payoutId: string }>;
};

/** The bridge methods behind `ctx.payments`, one per member. */
export type PaymentBridgeMethods = {
  "payments.createConnectedAccount": {
    args: CreateConnectedAccountInput;
    result: { accountId: string; onboardingUrl: string };
  };
  "payments.getConnectedAccount": {
    args: { provider: "stripe"; accountId: string };
    result: ConnectedAccount;
  };
  "payments.createSubaccount": { args: CreateSubaccountInput; result: { subaccountCode: string } };
  "payments.createCheckout": { args: CreateCheckoutInput; result: Checkout };
  "payments.refund": { args: RefundInput; result: Refund };
  "payments.payout": { args: PayoutInput; result: { payoutId: string } };
};
