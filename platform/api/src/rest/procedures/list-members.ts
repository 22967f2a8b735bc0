import { listMembers } from "@omnify/core";
import { ZFindMembersOutput } from "../../routers/members/find-members.types";
import { apiKeyTenantProcedure } from "../init";

/** GET /members: the tenant's members and pending invitations. */
export const listMembersRest = apiKeyTenantProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/members",
      scope: "members:read",
      summary: "List members and pending invitations",
      tags: ["members"],
    },
  })
  .output(ZFindMembersOutput)
  .query(({ ctx }) => listMembers(ctx.tx, ctx.principal.tenantId));
