import { createTRPCRouter } from "../../trpc";
import { changeMemberRoleRoute } from "./change-member-role";
import { findMembersRoute } from "./find-members";
import { inviteMemberRoute } from "./invite-member";
import { removeMemberRoute } from "./remove-member";

export const membersRouter = createTRPCRouter({
  find: findMembersRoute,
  invite: inviteMemberRoute,
  remove: removeMemberRoute,
  changeRole: changeMemberRoleRoute,
});
