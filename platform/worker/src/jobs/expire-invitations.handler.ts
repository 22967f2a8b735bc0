import { expireStaleInvitations } from "@omnify/core/members/expire-stale-invitations";
import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { expireInvitationsPayload } from "./expire-invitations";

const expireInvitations: JobHandler<z.output<typeof expireInvitationsPayload>> = async (
  _payload,
  { db, log },
) => {
  const expired = await expireStaleInvitations(db);
  log.info(`[worker] expire-invitations: ${expired} invitation(s) expired`);
  return { expired };
};

export default expireInvitations;
