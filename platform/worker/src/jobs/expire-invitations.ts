import { z } from "zod";
import { DEFAULT_RETENTION, defineJob } from "./define-job";

export const expireInvitationsPayload = z.object({});

/** Marks pending invitations past their expiry as 'expired', in every tenant. */
export const expireInvitationsJob = defineJob({
  id: "expire-invitations",
  payload: expireInvitationsPayload,
  queue: {
    ...DEFAULT_RETENTION,
    // One run at a time across all worker processes; a second would only race the first.
    policy: "singleton",
    retryLimit: 2,
    retryDelay: 30,
    // The next cron run is five minutes away; a stuck run should not outlive it.
    expireInSeconds: 4 * 60,
  },
  cron: { expression: "*/5 * * * *", tz: "UTC", payload: {} },
  handler: () => import("./expire-invitations.handler"),
});
