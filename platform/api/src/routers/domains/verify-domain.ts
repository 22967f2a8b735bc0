import { createDomainResolver, verifyDomain } from "@omnify/core";
import { authorizedMemberProcedure } from "../../trpc";
import { ZDomain, ZDomainIdInput } from "./domains.types";

/**
 * Checks the domain's DNS now. Not on tenantProcedure: verifyDomain asks DNS between two
 * short transactions rather than holding a pooled connection while it waits.
 */
export const verifyDomainRoute = authorizedMemberProcedure("domains.manage")
  .input(ZDomainIdInput)
  .output(ZDomain)
  .mutation(({ ctx, input }) =>
    verifyDomain(ctx.db, {
      tenant: ctx.tenant,
      id: input.id,
      resolver: ctx.domainResolver ?? createDomainResolver(),
      config: ctx.config,
    }),
  );
