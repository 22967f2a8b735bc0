import { type AppDatabase, sql, stripeEvents } from "@omnify/db";
import type Stripe from "stripe";
import { DomainError } from "../errors";

/** NOTIFY channel: the worker queues the stripe-webhook job the moment an event commits. */
export const STRIPE_EVENTS_CHANNEL = "omnify_stripe_events";

export type IngestResult = { eventId: string; type: string; duplicate: boolean };

/**
 * Verifies a webhook's signature against the raw body with any of the given endpoint
 * secrets (the platform's, the Connect endpoint's) and stores the event in the ledger; a
 * forged or stale signature throws (the route answers 400) and stores nothing. A replay of
 * a stored event id is reported as a duplicate and changes nothing. Processing happens
 * later, in the stripe-webhook job.
 */
export async function ingestStripeWebhook(
  db: AppDatabase,
  stripe: Stripe,
  input: { rawBody: string; signature: string | null; webhookSecret: string | string[] },
): Promise<IngestResult> {
  let event: Stripe.Event | undefined;
  // Any of the endpoints' secrets (platform, Connect); an empty one never verifies anything.
  for (const secret of [input.webhookSecret].flat().filter(Boolean)) {
    try {
      event = stripe.webhooks.constructEvent(input.rawBody, input.signature ?? "", secret);
      break;
    } catch {
      // not signed with this secret: try the next
    }
  }
  if (!event)
    throw new DomainError(
      "UNAUTHORIZED",
      "The Stripe signature does not match this payload",
      "stripe-signature",
    );
  const inserted = await db.withoutTenant(async (tx) => {
    const rows = await tx
      .insert(stripeEvents)
      .values({
        id: event.id,
        type: event.type,
        payload: event as unknown as Record<string, unknown>,
        stripeCreated: new Date(event.created * 1000),
      })
      .onConflictDoNothing()
      .returning({ id: stripeEvents.id });
    // Also on a replay: if the first delivery's job was lost, this starts it again.
    await tx.execute(sql`select pg_notify(${STRIPE_EVENTS_CHANNEL}, ${event.id})`);
    return rows;
  });
  return { eventId: event.id, type: event.type, duplicate: inserted.length === 0 };
}
