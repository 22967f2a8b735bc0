import { z } from "zod";
import { createStripeClient } from "../billing/stripe-client";
import { createPaystackClient } from "./paystack-client";

const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.url().optional());

/**
 * The payments env fragment (runtime service; the web app reads the webhook secrets).
 * Unset keys leave that provider off: `ctx.payments` then refuses it with a clear error.
 */
export const paymentsEnvSchema = z.object({
  STRIPE_SECRET_KEY: optional,
  /** The local fake Stripe (tests, keyless dev); unset = api.stripe.com. */
  STRIPE_API_URL: optionalUrl,
  PAYSTACK_SECRET_KEY: optional,
  /** Default https://api.paystack.co; the local fake Paystack in tests and keyless dev. */
  PAYSTACK_API_BASE: optionalUrl,
});
export type PaymentsEnv = z.infer<typeof paymentsEnvSchema>;

/** The provider clients the env configures (the real SDK for Stripe, REST for Paystack). */
export function paymentClientsFromEnv(env: PaymentsEnv) {
  const api = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null;
  const stripe = env.STRIPE_SECRET_KEY
    ? createStripeClient({
        secretKey: env.STRIPE_SECRET_KEY,
        webhookSecret: "",
        ...(api
          ? {
              host: api.hostname,
              port: Number(api.port || (api.protocol === "https:" ? 443 : 80)),
              protocol: api.protocol === "https:" ? "https" : "http",
            }
          : {}),
      })
    : undefined;
  const paystack = env.PAYSTACK_SECRET_KEY
    ? createPaystackClient({
        secretKey: env.PAYSTACK_SECRET_KEY,
        ...(env.PAYSTACK_API_BASE ? { apiBase: env.PAYSTACK_API_BASE } : {}),
      })
    : undefined;
  return { ...(stripe ? { stripe } : {}), ...(paystack ? { paystack } : {}) };
}
