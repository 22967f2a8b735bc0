import { HostApiError, PAYMENT_PROVIDERS, type PaymentBridgeMethods } from "@omnify/plugin-sdk";
import { z } from "zod";
import type { HostCallContext } from "../pool/options.ts";

/** Host-side schemas of `ctx.payments` arguments; amounts are integers in minor units. */
const money = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const url = z.url({ protocol: /^https?$/ }).max(2000);
const key = z.string().min(1).max(200);
const provider = z.enum(PAYMENT_PROVIDERS);

export const paymentArgSchemas = {
  "payments.createConnectedAccount": z.strictObject({
    provider: z.literal("stripe"),
    email: z.email().max(320),
    country: z.string().regex(/^[A-Za-z]{2}$/, "must be an ISO country code like 'US'"),
    returnUrl: url,
    refreshUrl: url,
  }),
  "payments.getConnectedAccount": z.strictObject({
    provider: z.literal("stripe"),
    accountId: z.string().regex(/^acct_\w+$/, "must be a Stripe account id (acct_…)"),
  }),
  "payments.createSubaccount": z.strictObject({
    provider: z.literal("paystack"),
    businessName: z.string().min(1).max(200),
    settlementBank: z.string().min(1).max(20),
    accountNumber: z.string().regex(/^\d{10}$/, "must be a 10-digit account number"),
    percentageCharge: z.number().min(0).max(100),
  }),
  "payments.createCheckout": z.strictObject({
    provider,
    amount: money,
    currency: z.string().regex(/^[A-Za-z]{3}$/, "must be an ISO 4217 code like 'usd'"),
    destination: z
      .string()
      .regex(/^(acct_|ACCT_)\w+$/, "must be acct_… (Stripe) or ACCT_… (Paystack)"),
    applicationFeeAmount: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    description: z.string().min(1).max(500),
    reference: z.string().min(1).max(200),
    successUrl: url,
    cancelUrl: url,
    idempotencyKey: key,
    customerEmail: z.email().max(320).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  }),
  "payments.refund": z.strictObject({
    provider,
    paymentId: z.string().min(1).max(200),
    amount: money,
    reverseTransfer: z.boolean(),
    refundApplicationFee: z.boolean(),
    idempotencyKey: key,
  }),
  "payments.payout": z.strictObject({
    provider: z.literal("stripe"),
    accountId: z.string().regex(/^acct_\w+$/, "must be a Stripe account id (acct_…)"),
    amount: money,
    currency: z.string().regex(/^[A-Za-z]{3}$/, "must be an ISO 4217 code like 'usd'"),
    idempotencyKey: key,
  }),
} as const;

type PaymentMethod = keyof PaymentBridgeMethods;
type Origin = { tenantId: string; pluginId: string };

/** Where `ctx.payments` goes on the host (core's payments service); keys never leave it. */
export type PaymentsSink = {
  [M in PaymentMethod]: (
    origin: Origin,
    args: PaymentBridgeMethods[M]["args"],
  ) => Promise<PaymentBridgeMethods[M]["result"]>;
};

/**
 * The payment bridge methods: each checks that the manifest declares the provider it names
 * (`capabilities.payments.providers`) before the sink sees the call.
 */
export function paymentMethods(sink: PaymentsSink | undefined) {
  const call =
    <M extends PaymentMethod>(method: M) =>
    (ctx: HostCallContext, args: PaymentBridgeMethods[M]["args"]) => {
      const declared = ctx.manifest.capabilities.payments?.providers ?? [];
      if (!declared.includes(args.provider))
        throw new HostApiError(
          "capability",
          `payment provider '${args.provider}' is not declared in capabilities.payments.providers`,
        );
      if (!sink) throw new HostApiError("not_available", "payments is not available on this host");
      return sink[method]({ tenantId: ctx.tenantId, pluginId: ctx.pluginId }, args);
    };
  return {
    "payments.createConnectedAccount": call("payments.createConnectedAccount"),
    "payments.getConnectedAccount": call("payments.getConnectedAccount"),
    "payments.createSubaccount": call("payments.createSubaccount"),
    "payments.createCheckout": call("payments.createCheckout"),
    "payments.refund": call("payments.refund"),
    "payments.payout": call("payments.payout"),
  };
}
