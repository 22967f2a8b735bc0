import { listMembers } from "@omnify/core";
import { tenantProcedure } from "../../trpc";
import { ZFindMembersOutput } from "./find-members.types";

/** Any member: the tenant's members and its pending invitations. */
export const findMembersRoute = tenantProcedure
  .output(ZFindMembersOutput)
  .query(({ ctx }) => listMembers(ctx.tx, ctx.tenant.id));
