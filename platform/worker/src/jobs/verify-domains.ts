import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const verifyDomainsPayload = z.object({});

/** Re-checks every custom domain's DNS: pending → verified, drift → misconfigured. */
export const verifyDomainsJob = defineJob({
  id: "verify-domains",
  payload: verifyDomainsPayload,
  queue: { ...DEFAULT_RETENTION, policy: "singleton", retryLimit: 1, expireInSeconds: 9 * 60 },
  cron: { expression: "*/10 * * * *", tz: "UTC", payload: {} },
  handler: () => import("./verify-domains.handler"),
});
