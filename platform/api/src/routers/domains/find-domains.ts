import { assertAgency, listDomains } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZFindDomainsOutput } from "./domains.types";

/** Owners and admins of an agency: its custom domains and the DNS records each needs. */
export const findDomainsRoute = authorizedProcedure("domains.manage")
  .output(ZFindDomainsOutput)
  .query(async ({ ctx }) => {
    assertAgency(ctx.tenant);
    return { domains: await listDomains(ctx.tx, ctx.config) };
  });
