import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const usageStripePayload = z.object({});

const queue = {
  ...DEFAULT_RETENTION,
  policy: "singleton",
  retryLimit: 3,
  retryDelay: 120,
  expireInSeconds: 30 * 60,
} as const;

/** Sends closed hourly roll-ups to Stripe's meter event stream (after the hourly roll-up). */
export const usageStripeReportJob = defineJob({
  id: "usage-stripe-report",
  payload: usageStripePayload,
  queue,
  cron: { expression: "15 * * * *", tz: "UTC", payload: {} },
  handler: () => import("./usage-stripe-report.handler"),
});

/** Compares Stripe's event summaries with our ledger for the last two days of closed hours. */
export const usageStripeReconcileJob = defineJob({
  id: "usage-stripe-reconcile",
  payload: usageStripePayload,
  queue,
  cron: { expression: "45 * * * *", tz: "UTC", payload: {} },
  handler: () => import("./usage-stripe-reconcile.handler"),
});

/** E-mails new 80% / 100% quota alerts to the workspace's owners and admins. */
export const usageAlertMailsJob = defineJob({
  id: "usage-alert-mails",
  payload: usageStripePayload,
  queue: { ...queue, expireInSeconds: 4 * 60 },
  cron: { expression: "*/5 * * * *", tz: "UTC", payload: {} },
  handler: () => import("./usage-alert-mails.handler"),
});
