import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

/** `at`: any moment in the month after the one to invoice (default: now → last month). */
export const rebillingInvoicesPayload = z.object({ at: z.iso.datetime().optional() });

/**
 * Agency rebilling: on the 1st, every rebilled client is invoiced for the month before on
 * its agency's Stripe Connect account. Re-runs are harmless (one invoice per client and
 * month; Stripe calls carry idempotency keys), so a retry after a crash finishes the rest.
 */
export const rebillingInvoicesJob = defineJob({
  id: "rebilling-invoices",
  payload: rebillingInvoicesPayload,
  queue: {
    ...DEFAULT_RETENTION,
    policy: "singleton",
    retryLimit: 5,
    retryDelay: 600,
    expireInSeconds: 60 * 60,
  },
  cron: { expression: "0 3 1 * *", tz: "UTC", payload: {} },
  handler: () => import("./rebilling-invoices.handler"),
});
