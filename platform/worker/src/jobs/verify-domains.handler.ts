import { createDomainResolver } from "@omnify/core/domains/dns-check";
import { reverifyAllDomains } from "@omnify/core/domains/verify-domain";
import type { z } from "zod";
import { readTransferEnv } from "../env";
import type { JobHandler } from "./define-job";
import type { verifyDomainsPayload } from "./verify-domains";

const run: JobHandler<z.output<typeof verifyDomainsPayload>> = async (_payload, { db, log }) => {
  const env = readTransferEnv();
  const resolver = createDomainResolver(env.dnsServers);
  const summary = await reverifyAllDomains(db, resolver, { platformHost: env.platformHost });
  log.info(
    `[worker] verify-domains: ${summary.checked} checked, ${summary.verified} verified, ${summary.misconfigured} misconfigured`,
  );
  return summary;
};

export default run;
