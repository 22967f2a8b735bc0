import { createTRPCRouter } from "../../trpc";
import { acceptInvitationRoute } from "./accept-invitation";
import { getInvitationRoute } from "./get-invitation";

export const invitationsRouter = createTRPCRouter({
  get: getInvitationRoute,
  accept: acceptInvitationRoute,
});
