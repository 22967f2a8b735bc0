import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const transferPayload = z.object({ tenantId: z.uuid(), jobId: z.uuid() });

/** Writes a sub-account's export archive, reporting progress on its export_jobs row. */
export const exportTenantJob = defineJob({
  id: "export-tenant",
  payload: transferPayload,
  queue: {
    ...DEFAULT_RETENTION,
    // The row is claimed once (queued → running), so a retry of a crashed run only skips;
    // the person sees "failed" and starts another export.
    retryLimit: 0,
    expireInSeconds: 60 * 60,
  },
  handler: () => import("./export-tenant.handler"),
});
