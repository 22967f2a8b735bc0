import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const usageRollupPayload = z.object({ period: z.enum(["hour", "day"]) });

const queue = {
  ...DEFAULT_RETENTION,
  // One run at a time: runs recompute whole buckets, so a second would only repeat work.
  policy: "singleton",
  retryLimit: 3,
  retryDelay: 60,
  expireInSeconds: 50 * 60,
} as const;

/**
 * Hourly roll-up of usage events: the hours closed since the last run (catch-up included)
 * plus closed hours that received late events, recomputed and upserted per tenant.
 */
export const usageRollupHourlyJob = defineJob({
  id: "usage-rollup-hourly",
  payload: usageRollupPayload,
  queue,
  cron: { expression: "2 * * * *", tz: "UTC", payload: { period: "hour" } },
  handler: () => import("./usage-rollup.handler"),
});

/** Daily roll-up, likewise; a daily `unique` value is a distinct count over the whole day. */
export const usageRollupDailyJob = defineJob({
  id: "usage-rollup-daily",
  payload: usageRollupPayload,
  queue,
  cron: { expression: "7 * * * *", tz: "UTC", payload: { period: "day" } },
  handler: () => import("./usage-rollup.handler"),
});
