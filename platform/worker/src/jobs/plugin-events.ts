import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const pluginEventsPayload = z.object({});

/**
 * Drains the plugin event outbox into one dispatch job per subscriber. Runs every minute as
 * a safety net; the worker also triggers it as soon as a tenant event is NOTIFYed.
 */
export const pluginEventsJob = defineJob({
  id: "plugin-events",
  payload: pluginEventsPayload,
  queue: {
    ...DEFAULT_RETENTION,
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 5,
    expireInSeconds: 120,
  },
  cron: { expression: "* * * * *", tz: "UTC", payload: {} },
  handler: () => import("./plugin-events.handler"),
});
