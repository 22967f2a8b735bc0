import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const stripeWebhookPayload = z.object({ eventId: z.string().regex(/^evt_\w+$/) });

/**
 * Processes one stored Stripe event. The ledger row is locked and marked processed in the
 * effect's transaction, so retries, redeliveries and the sweep never apply it twice.
 */
export const stripeWebhookJob = defineJob({
  id: "stripe-webhook",
  payload: stripeWebhookPayload,
  queue: {
    ...DEFAULT_RETENTION,
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    expireInSeconds: 120,
  },
  handler: () => import("./stripe-webhook.handler"),
});

export const dispatchStripeEventsPayload = z.object({});

/** The safety net behind the LISTEN: stored events whose job was missed run within a minute. */
export const dispatchStripeEventsJob = defineJob({
  id: "dispatch-stripe-events",
  payload: dispatchStripeEventsPayload,
  queue: { ...DEFAULT_RETENTION, policy: "singleton", retryLimit: 0, expireInSeconds: 50 },
  cron: { expression: "* * * * *", tz: "UTC", payload: {} },
  handler: () => import("./stripe-webhook-dispatch.handler"),
});
