export { addDomain, assertAgency } from "./add-domain";
export {
  checkDomainDns,
  createDomainResolver,
  type DnsVerdict,
  type DomainResolver,
  parseDnsServers,
} from "./dns-check";
export type { DomainStatus, DomainSummary } from "./domain-types";
export { cnameTarget, validateCustomHostname, verificationRecord } from "./hostname-rules";
export { listDomains } from "./list-domains";
export { removeDomain } from "./remove-domain";
export { type ReverifySummary, reverifyAllDomains, verifyDomain } from "./verify-domain";
