import { type AppDatabase, stripeEvents } from "@omnify/db";
import type Stripe from "stripe";
import { DomainError } from "../errors";

export type IngestResult = { eventId: string; type: string; duplicate: boolean };

/**
 * Verifies a webhook's signature against the raw body and stores the event in the ledger;
 * a forged or stale signature throws (the route answers 400) and stores nothing. A replay
 * of a stored event id is reported as a duplicate and changes nothing. Processing happens
 * later, in the stripe-webhook job.
 */
export async function ingestStripeWebhook(
  db: AppDatabase,
  stripe: Stripe,
  input: { rawBody: string; signature: string | null; webhookSecret: string },
): Promise<IngestResult> {
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(
      input.rawBody,
      input.signature ?? "",
      input.webhookSecret,
    );
  } catch {
    throw new DomainError(
      "UNAUTHORIZED",
      "The Stripe signature does not match this payload",
      "stripe-signature",
    );
  }
  const inserted = await db.withoutTenant((tx) =>
    tx
      .insert(stripeEvents)
      .values({
        id: event.id,
        type: event.type,
        payload: event as unknown as Record<string, unknown>,
        stripeCreated: new Date(event.created * 1000),
      })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id }),
  );
  return { eventId: event.id, type: event.type, duplicate: inserted.length === 0 };
}
