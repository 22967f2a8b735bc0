import { createCustomRole } from "@omnify/core";
import { authorizedProcedure, requireRecentAuth } from "../../trpc";
import { ZCreateRoleInput, ZCustomRole } from "./roles.types";
import { rolesContext } from "./roles-context";

/** Owners and admins on the agency host: a new custom role (audited `role.created`). */
export const createRoleRoute = authorizedProcedure("roles.manage")
  .use(requireRecentAuth)
  .input(ZCreateRoleInput)
  .output(ZCustomRole)
  .mutation(({ ctx, input }) => createCustomRole(rolesContext(ctx), input));
