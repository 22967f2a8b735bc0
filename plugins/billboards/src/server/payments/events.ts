import { z } from "@omnify/plugin-sdk";

export { onPaymentRefunded, onPaymentSucceeded } from "./succeeded.ts";

/** `payments.succeeded` as core delivers it (validated: events are input too). */
export const paymentSucceeded = z.object({
  provider: z.enum(["stripe", "paystack"]),
  reference: z.uuid(),
  checkoutId: z.string(),
  paymentId: z.string().min(1),
  amount: z.number().int().positive(),
  currency: z.string(),
  applicationFeeAmount: z.number().int().min(0),
  destination: z.string(),
});

export const paymentRefunded = z.object({
  provider: z.enum(["stripe", "paystack"]),
  reference: z.string(),
  paymentId: z.string(),
  refundId: z.string(),
  amount: z.number().int(),
});
