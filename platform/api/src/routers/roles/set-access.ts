import { setSubaccountAccess } from "@omnify/core";
import { authorizedProcedure, requireRecentAuth } from "../../trpc";
import { ZSetAccessInput, ZSetAccessOutput } from "./roles.types";
import { rolesContext } from "./roles-context";

/** Owners and admins on the agency host: restrict a member to assigned sub-accounts. */
export const setAccessRoute = authorizedProcedure("members.changeRole")
  .use(requireRecentAuth)
  .input(ZSetAccessInput)
  .output(ZSetAccessOutput)
  .mutation(({ ctx, input }) => setSubaccountAccess(rolesContext(ctx), input));
