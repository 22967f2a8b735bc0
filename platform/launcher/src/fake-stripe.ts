import { randomBytes } from "node:crypto";
import { fakeStripePrices } from "@omnify/core/billing/plans";
import { startFakeStripe } from "@omnify/fake-stripe";

/**
 * Without STRIPE_SECRET_KEY, `npm start` runs the local fake Stripe in this process so
 * billing works offline: its Checkout page has a Pay button that sends signed webhooks to
 * the web app. With a key, nothing starts and the real Stripe is used.
 */
export async function startDevStripe(env: NodeJS.ProcessEnv, webPort: number) {
  if (env.STRIPE_SECRET_KEY) return { env: {}, close: async () => {} };
  const webhookSecret = `whsec_dev_${randomBytes(16).toString("hex")}`;
  const fake = await startFakeStripe({
    prices: fakeStripePrices(),
    webhook: { url: `http://localhost:${webPort}/api/stripe/webhook`, secret: webhookSecret },
  });
  console.log(`[omnify] fake Stripe on ${fake.url} (STRIPE_SECRET_KEY is unset)`);
  return {
    env: {
      STRIPE_SECRET_KEY: "sk_test_omnify_dev",
      STRIPE_WEBHOOK_SECRET: webhookSecret,
      STRIPE_API_URL: fake.url,
    },
    close: () => fake.close(),
  };
}
