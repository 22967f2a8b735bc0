import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const pluginPurgePayload = z.object({ graceMs: z.number().int().min(0).optional() });

/** Deletes what uninstalled plugins left behind once the grace period has passed. */
export const pluginPurgeJob = defineJob({
  id: "plugin-purge",
  payload: pluginPurgePayload,
  queue: { ...DEFAULT_RETENTION, policy: "singleton", retryLimit: 2, retryDelay: 300 },
  cron: { expression: "17 3 * * *", tz: "UTC", payload: {} },
  handler: () => import("./plugin-purge.handler"),
});
