import { updateCustomRole } from "@omnify/core";
import { authorizedProcedure, requireRecentAuth } from "../../trpc";
import { ZCustomRole, ZUpdateRoleInput } from "./roles.types";
import { rolesContext } from "./roles-context";

/** Owners and admins: rename a role or replace its grants (audited `role.updated`). */
export const updateRoleRoute = authorizedProcedure("roles.manage")
  .use(requireRecentAuth)
  .input(ZUpdateRoleInput)
  .output(ZCustomRole)
  .mutation(({ ctx, input }) => updateCustomRole(rolesContext(ctx), input));
