import type { AppDatabase } from "@omnify/db";
import { type FakeStripe, type StripeObject, startFakeStripe } from "@omnify/fake-stripe";
import { afterAll, beforeAll } from "vitest";
import {
  createStripeClient,
  fakeStripePrices,
  ingestStripeWebhook,
  processStripeEvent,
  type Stripe,
} from "../../src/billing";

export const WEBHOOK_SECRET = "whsec_test_omnify";

/** A fake Stripe for the file and the real SDK pointed at it. */
export function setupFakeStripe(): { fake: FakeStripe; stripe: Stripe } {
  const s = {} as { fake: FakeStripe; stripe: Stripe };
  beforeAll(async () => {
    s.fake = await startFakeStripe({ prices: fakeStripePrices() });
    s.stripe = createStripeClient({
      secretKey: "sk_test_omnify",
      webhookSecret: WEBHOOK_SECRET,
      host: "127.0.0.1",
      port: s.fake.port,
      protocol: "http",
    });
  });
  afterAll(() => s.fake?.close());
  return s;
}

/** Signs an event the way Stripe does and sends it through ingest, like the webhook route. */
export function signedDelivery(stripe: Stripe, event: StripeObject, secret = WEBHOOK_SECRET) {
  const rawBody = JSON.stringify(event);
  const signature = stripe.webhooks.generateTestHeaderString({ payload: rawBody, secret });
  return { rawBody, signature };
}

/** Ingests then processes each event in the given order; returns each outcome. */
export async function deliver(
  db: AppDatabase,
  stripe: Stripe,
  events: StripeObject[],
): Promise<string[]> {
  const outcomes: string[] = [];
  for (const event of events) {
    const stored = await ingestStripeWebhook(db, stripe, {
      ...signedDelivery(stripe, event),
      webhookSecret: WEBHOOK_SECRET,
    });
    outcomes.push(await processStripeEvent(db, stored.eventId));
  }
  return outcomes;
}
