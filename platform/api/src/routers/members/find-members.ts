import { listMembers } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZFindMembersOutput } from "./find-members.types";

/** Members allowed `members.read`: the tenant's members and its pending invitations. */
export const findMembersRoute = authorizedProcedure("members.read")
  .output(ZFindMembersOutput)
  .query(({ ctx }) => listMembers(ctx.tx, ctx.tenant.id));
