import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";
import { DISPATCH_QUEUE } from "./plugins/dispatch-events";

export const pluginDispatchPayload = z.object({
  tenantId: z.uuid(),
  pluginId: z.string().min(1),
  eventId: z.uuid(),
  type: z.string().min(1),
  payload: z.unknown(),
});

/** Delivers one event to one plugin installation (`kind: 'event'` in the runtime). */
export const pluginDispatchJob = defineJob({
  id: DISPATCH_QUEUE,
  payload: pluginDispatchPayload,
  queue: { ...DEFAULT_RETENTION, retryLimit: 5, retryDelay: 10, retryBackoff: true },
  handler: () => import("./plugin-dispatch.handler"),
});
