import { STRIPE_EVENTS_CHANNEL } from "@omnify/core/billing/ingest-webhook";
import type { AppDatabase } from "@omnify/db";
import type { PgBoss } from "pg-boss";
import type { Logger } from "./define-job";
import { stripeWebhookPayload } from "./stripe-webhook";

/** Queues one event's job; the singleton key keeps the LISTEN path and the sweep from doubling it. */
export async function queueStripeEvent(boss: PgBoss, eventId: string) {
  await boss.send("stripe-webhook", stripeWebhookPayload.parse({ eventId }), {
    singletonKey: eventId,
  });
}

/** Starts processing the moment the webhook route's transaction commits. */
export async function listenForStripeEvents(boss: PgBoss, db: AppDatabase, log: Logger) {
  return db.listen(STRIPE_EVENTS_CHANNEL, (eventId) => {
    const parsed = stripeWebhookPayload.safeParse({ eventId });
    if (!parsed.success) return log.warn(`[worker] ignored ${STRIPE_EVENTS_CHANNEL} notice`);
    queueStripeEvent(boss, eventId).catch((error) =>
      log.error(`[worker] could not queue ${eventId}`, error),
    );
  });
}
