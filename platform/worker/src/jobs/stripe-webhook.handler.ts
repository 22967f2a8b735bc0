import { processStripeEvent } from "@omnify/core/billing/process-event";
import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { stripeWebhookPayload } from "./stripe-webhook";

const run: JobHandler<z.output<typeof stripeWebhookPayload>> = async ({ eventId }, { db, log }) => {
  const outcome = await processStripeEvent(db, eventId);
  log.info(`[worker] stripe ${eventId}: ${outcome}`);
  return { outcome };
};

export default run;
