import { removeMember } from "@omnify/core";
import { authorizedProcedure, requireRecentAuth } from "../../trpc";
import { rolesContext } from "../roles/roles-context";
import { ZRemoveMemberInput, ZRemoveMemberOutput } from "./remove-member.types";

/** Removes a member and revokes their sessions (step-up: it is a role change to none). */
export const removeMemberRoute = authorizedProcedure("members.remove")
  .use(requireRecentAuth)
  .input(ZRemoveMemberInput)
  .output(ZRemoveMemberOutput)
  .mutation(({ ctx, input }) => removeMember(rolesContext(ctx), input));
