import { removeDomain } from "@omnify/core";
import { authorizedMemberProcedure, requireRecentAuth } from "../../trpc";
import { ZDeleteDomainOutput, ZDomainIdInput } from "./domains.types";

/** Step-up: removes the domain; it stops routing at once (host cache cleared); audited. */
export const deleteDomainRoute = authorizedMemberProcedure("domains.manage")
  .use(requireRecentAuth)
  .input(ZDomainIdInput)
  .output(ZDeleteDomainOutput)
  .mutation(({ ctx, input }) =>
    removeDomain(ctx.db, {
      tenant: ctx.tenant,
      id: input.id,
      actorUserId: ctx.user.id,
      request: { ip: ctx.ip },
    }),
  );
