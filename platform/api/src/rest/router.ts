import { createRestRouter } from "./init";
import { getBrandingRest } from "./procedures/get-branding";
import { inviteMemberRest } from "./procedures/invite-member";
import { listMembersRest } from "./procedures/list-members";

/** Every procedure of the public REST API; each carries its route in `meta.openapi`. */
export const restRouter = createRestRouter({
  getBranding: getBrandingRest,
  inviteMember: inviteMemberRest,
  listMembers: listMembersRest,
});
export type RestRouter = typeof restRouter;
