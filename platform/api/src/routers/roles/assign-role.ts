import { assignCustomRole } from "@omnify/core";
import { z } from "zod";
import { authorizedProcedure, requireRecentAuth } from "../../trpc";
import { ZAssignRoleInput } from "./roles.types";
import { rolesContext } from "./roles-context";

/** Owners and admins: give a member a custom role, or null for the defaults. */
export const assignRoleRoute = authorizedProcedure("members.changeRole")
  .use(requireRecentAuth)
  .input(ZAssignRoleInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await assignCustomRole(rolesContext(ctx), input);
    return { ok: true as const };
  });
