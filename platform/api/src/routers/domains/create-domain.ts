import { addDomain } from "@omnify/core";
import { authorizedProcedure, requireRecentAuth } from "../../trpc";
import { ZCreateDomainInput, ZDomain } from "./domains.types";

/** Step-up: registers a hostname (pending until its TXT record checks out); audited. */
export const createDomainRoute = authorizedProcedure("domains.manage")
  .use(requireRecentAuth)
  .input(ZCreateDomainInput)
  .output(ZDomain)
  .mutation(({ ctx, input }) =>
    addDomain(ctx.tx, {
      tenant: ctx.tenant,
      hostname: input.hostname,
      config: ctx.config,
      actorUserId: ctx.user.id,
      request: { ip: ctx.ip },
    }),
  );
