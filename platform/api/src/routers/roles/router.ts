import { createTRPCRouter } from "../../trpc";
import { assignRoleRoute } from "./assign-role";
import { createRoleRoute } from "./create-role";
import { deleteRoleRoute } from "./delete-role";
import { findRolesRoute } from "./find-roles";
import { setAccessRoute } from "./set-access";
import { updateRoleRoute } from "./update-role";

export const rolesRouter = createTRPCRouter({
  find: findRolesRoute,
  create: createRoleRoute,
  update: updateRoleRoute,
  delete: deleteRoleRoute,
  assign: assignRoleRoute,
  setAccess: setAccessRoute,
});
