import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const dispatchTransfersPayload = z.object({});

/**
 * The safety net behind the LISTEN in transfer-listener.ts: queued exports and imports
 * whose notification was missed (worker down at the time) start within a minute.
 */
export const dispatchTransfersJob = defineJob({
  id: "dispatch-transfers",
  payload: dispatchTransfersPayload,
  queue: { ...DEFAULT_RETENTION, policy: "singleton", retryLimit: 0, expireInSeconds: 50 },
  cron: { expression: "* * * * *", tz: "UTC", payload: {} },
  handler: () => import("./dispatch-transfers.handler"),
});
