import { changeMemberRole } from "@omnify/core";
import { z } from "zod";
import { authorizedProcedure, requireRecentAuth } from "../../trpc";
import { rolesContext } from "../roles/roles-context";
import { ZChangeMemberRoleInput } from "./remove-member.types";

/** Gives a member another fixed role (step-up, audited). */
export const changeMemberRoleRoute = authorizedProcedure("members.changeRole")
  .use(requireRecentAuth)
  .input(ZChangeMemberRoleInput)
  .output(z.object({ ok: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await changeMemberRole(rolesContext(ctx), input);
    return { ok: true as const };
  });
