import { parse } from "tldts";
import { isReservedSubdomain } from "./reserved";

export type ParsedHost =
  | { kind: "platform"; hostname: string }
  | { kind: "agency"; hostname: string; agencySlug: string }
  | { kind: "subaccount"; hostname: string; agencySlug: string; subSlug: string }
  /** `apex` is the registrable domain (public-suffix aware), e.g. `acme.co.uk`. */
  | { kind: "custom"; hostname: string; apex: string };

export class HostError extends Error {
  override readonly name = "HostError";
  constructor(
    readonly code: "MALFORMED" | "RESERVED",
    message: string,
  ) {
    super(message);
  }
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const PORT = /^[0-9]{1,5}$/;
const MAX_HOST_LENGTH = 253;

function malformed(why: string): HostError {
  return new HostError("MALFORMED", `malformed host: ${why}`);
}

/** Splits `host[:port]`, refusing IPv6 literals and anything but a numeric port. */
function stripPort(raw: string): string {
  if (raw.startsWith("[")) throw malformed("IP literals are not tenant hosts");
  const colon = raw.indexOf(":");
  if (colon === -1) return raw;
  const port = raw.slice(colon + 1);
  if (!PORT.test(port)) throw malformed("bad port");
  return raw.slice(0, colon);
}

function validHostname(raw: string): string {
  const host = stripPort(raw.trim()).toLowerCase();
  if (host.length === 0) throw malformed("empty");
  if (host.length > MAX_HOST_LENGTH) throw malformed("longer than 253 characters");
  const labels = host.split(".");
  for (const label of labels) {
    if (label.length === 0) throw malformed("empty label");
    if (label.length > 63) throw malformed("label longer than 63 characters");
    if (!LABEL.test(label)) throw malformed("invalid characters");
  }
  // An all-numeric final label is an IPv4 address (or a sloppy one, e.g. 127.1).
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? "")) {
    throw malformed("IP literals are not tenant hosts");
  }
  return host;
}

/**
 * Classifies a Host header value. Only a host that passes this function may be used to
 * build a URL: it has no port, no userinfo, no path and only LDH labels.
 */
export function parseHost(rawHost: string, opts: { platformHost: string }): ParsedHost {
  const hostname = validHostname(rawHost);
  const platform = opts.platformHost.toLowerCase();
  if (hostname === platform) return { kind: "platform", hostname };

  if (hostname.endsWith(`.${platform}`)) {
    const labels = hostname.slice(0, -(platform.length + 1)).split(".");
    const [first, second] = labels;
    if (labels.length === 1 && first) {
      if (isReservedSubdomain(first)) {
        throw new HostError("RESERVED", `"${first}" is reserved and cannot be an agency`);
      }
      return { kind: "agency", hostname, agencySlug: first };
    }
    if (labels.length === 2 && first && second) {
      if (isReservedSubdomain(second)) {
        throw new HostError("RESERVED", `"${second}" is reserved and cannot be an agency`);
      }
      return { kind: "subaccount", hostname, agencySlug: second, subSlug: first };
    }
    throw malformed("too many labels under the platform host");
  }

  // Private suffixes (github.io, …) count: each of their subdomains has a different owner.
  const info = parse(hostname, { allowPrivateDomains: true });
  if (info.isIp || !info.domain) throw malformed("not a registrable domain");
  return { kind: "custom", hostname, apex: info.domain };
}
