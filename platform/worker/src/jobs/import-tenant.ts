import { DEFAULT_RETENTION, defineJob } from "./define-job";
import { transferPayload } from "./export-tenant";

/** Imports an uploaded archive into an empty sub-account, in one transaction. */
export const importTenantJob = defineJob({
  id: "import-tenant",
  payload: transferPayload,
  queue: { ...DEFAULT_RETENTION, retryLimit: 0, expireInSeconds: 60 * 60 },
  handler: () => import("./import-tenant.handler"),
});
