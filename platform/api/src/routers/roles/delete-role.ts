import { deleteCustomRole } from "@omnify/core";
import { z } from "zod";
import { authorizedProcedure, requireRecentAuth } from "../../trpc";
import { ZDeleteRoleInput } from "./roles.types";
import { rolesContext } from "./roles-context";

/** Owners and admins: delete a role nobody holds (audited `role.deleted`). */
export const deleteRoleRoute = authorizedProcedure("roles.manage")
  .use(requireRecentAuth)
  .input(ZDeleteRoleInput)
  .output(z.object({ id: z.uuid() }))
  .mutation(({ ctx, input }) => deleteCustomRole(rolesContext(ctx), input));
