import { createTRPCRouter } from "../../trpc";
import { createDomainRoute } from "./create-domain";
import { deleteDomainRoute } from "./delete-domain";
import { findDomainsRoute } from "./find-domains";
import { verifyDomainRoute } from "./verify-domain";

export const domainsRouter = createTRPCRouter({
  find: findDomainsRoute,
  create: createDomainRoute,
  verify: verifyDomainRoute,
  delete: deleteDomainRoute,
});
