import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const pluginSyncPayload = z.object({});

/**
 * Consumes newly registered plugins' job queues and keeps their cron schedules equal to the
 * enabled installations' (install, enable, disable and uninstall take effect within a minute).
 */
export const pluginSyncJob = defineJob({
  id: "plugin-sync",
  payload: pluginSyncPayload,
  queue: { ...DEFAULT_RETENTION, policy: "singleton", retryLimit: 1, expireInSeconds: 120 },
  cron: { expression: "* * * * *", tz: "UTC", payload: {} },
  handler: () => import("./plugin-sync.handler"),
});
