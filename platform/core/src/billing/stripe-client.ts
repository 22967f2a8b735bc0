import Stripe from "stripe";

export type StripeConfig = {
  secretKey: string;
  webhookSecret: string;
  /** Set to reach a local fake (tests, and dev without STRIPE_SECRET_KEY); unset for api.stripe.com. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
};

/** The real SDK, optionally pointed at the local fake Stripe server. */
export function createStripeClient(config: StripeConfig): Stripe {
  return new Stripe(config.secretKey, {
    ...(config.host
      ? { host: config.host, port: config.port, protocol: config.protocol ?? "http" }
      : {}),
    maxNetworkRetries: 1,
  });
}

export type { Stripe };
