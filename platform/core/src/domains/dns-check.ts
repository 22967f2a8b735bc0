import { Resolver } from "node:dns/promises";
import type { DomainStatus } from "./domain-types";
import { verificationRecord } from "./hostname-rules";

/** The two lookups verification needs; a node:dns Resolver fits, and so does a test double. */
export type DomainResolver = Pick<Resolver, "resolveTxt" | "resolveCname">;

/**
 * A resolver for domain checks. With no servers it uses the system's (production); tests
 * and staging pass `["127.0.0.1:5353"]` to ask a DNS server they control.
 */
export function createDomainResolver(servers: readonly string[] = []): DomainResolver {
  // Bounded, so a dead name server cannot hold a job (or a request) for long.
  const resolver = new Resolver({ timeout: 2_000, tries: 2 });
  if (servers.length > 0) resolver.setServers([...servers]);
  return resolver;
}

/** Parses OMNIFY_DNS_SERVERS ("1.1.1.1, 127.0.0.1:5353"); empty or unset means the system's. */
export function parseDnsServers(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

export type DnsVerdict = { status: DomainStatus; reason: string | null };

/** Answers that mean "this name has no such record", as opposed to "DNS is failing". */
const ABSENT = new Set(["ENODATA", "ENOTFOUND", "NXDOMAIN"]);

type Lookup<T> = { ok: true; value: T } | { ok: false; absent: boolean; code: string };

async function lookup<T>(fn: () => Promise<T>): Promise<Lookup<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? "EUNKNOWN");
    return { ok: false, absent: ABSENT.has(code), code };
  }
}

const normal = (name: string) => name.toLowerCase().replace(/\.$/, "");

/**
 * Checks a domain's DNS against what we asked for. The TXT record proves control; a CNAME,
 * when there is one, must point at us (an apex cannot have a CNAME, so none is fine).
 * A lookup failure that is not "no such record" keeps the current status: a DNS outage
 * must not take a working domain offline.
 */
export async function checkDomainDns(
  resolver: DomainResolver,
  domain: { hostname: string; token: string; status: DomainStatus },
  expectedCname: string,
): Promise<DnsVerdict> {
  const record = verificationRecord(domain.hostname, domain.token);
  const txt = await lookup(() => resolver.resolveTxt(record.name));
  if (!txt.ok && !txt.absent) {
    return { status: domain.status, reason: `DNS lookup of ${record.name} failed (${txt.code})` };
  }
  // A TXT record may be split into several strings; they form one value.
  const values = txt.ok ? txt.value.map((chunks) => chunks.join("")) : [];
  const ours = values.filter((v) => v.startsWith("omnify-verify="));
  if (ours.length === 0) {
    const missing = `No TXT record ${record.name} with value ${record.value} was found`;
    // .test never exists in public DNS (RFC 6761): a verified .test domain was declared by
    // configuration (the demo tenants), so a missing record there is not drift.
    if (domain.status === "verified" && domain.hostname.endsWith(".test") && !txt.ok) {
      return { status: "verified", reason: "Declared by configuration (.test is never in DNS)" };
    }
    // A verified domain whose record vanished has drifted; a new one is simply not set up yet.
    return domain.status === "pending"
      ? { status: "pending", reason: missing }
      : { status: "misconfigured", reason: `${missing} (it was there before)` };
  }
  if (!ours.includes(record.value)) {
    return {
      status: "misconfigured",
      reason: `TXT record ${record.name} says ${ours.join(", ")}, expected ${record.value}`,
    };
  }
  const cname = await lookup(() => resolver.resolveCname(domain.hostname));
  if (cname.ok) {
    const targets = cname.value.map(normal);
    if (!targets.includes(normal(expectedCname))) {
      return {
        status: "misconfigured",
        reason: `CNAME of ${domain.hostname} points to ${targets.join(", ")}, expected ${expectedCname}`,
      };
    }
  }
  return { status: "verified", reason: null };
}
