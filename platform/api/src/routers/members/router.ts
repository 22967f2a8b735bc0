import { createTRPCRouter } from "../../trpc";
import { findMembersRoute } from "./find-members";
import { inviteMemberRoute } from "./invite-member";

export const membersRouter = createTRPCRouter({
  find: findMembersRoute,
  invite: inviteMemberRoute,
});
