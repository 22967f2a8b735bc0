import { createStripeClient } from "@omnify/core/billing/stripe-client";
import type { ServerEnv } from "../env";

/** The Stripe client (real, or the local fake via STRIPE_API_URL), or nothing when unconfigured. */
export function billingFrom(env: ServerEnv) {
  if (!env.STRIPE_SECRET_KEY || !env.STRIPE_WEBHOOK_SECRET) return {};
  const api = env.STRIPE_API_URL ? new URL(env.STRIPE_API_URL) : null;
  const stripe = createStripeClient({
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
    ...(api
      ? {
          host: api.hostname,
          port: Number(api.port || 80),
          protocol: api.protocol === "https:" ? "https" : "http",
        }
      : {}),
  });
  return { billing: { stripe, webhookSecret: env.STRIPE_WEBHOOK_SECRET } };
}
