import type { CoreConfig } from "../env";
import { badInput } from "../errors";
import { HostError, parseHost } from "../tenancy/parse-host";

/**
 * Special-use top-level names (RFC 6761, RFC 9476, .internal) that public DNS never answers
 * for, so no TXT record could ever verify them. `.test` stays allowed: it is what local
 * development and the e2e suite map to loopback.
 */
const UNRESOLVABLE_TLDS: ReadonlySet<string> = new Set([
  "localhost",
  "local",
  "invalid",
  "onion",
  "arpa",
  "internal",
  "alt",
]);

/**
 * A custom domain an agency may claim: a registrable domain or a subdomain of one, not an
 * IP, not the platform host or anything under it, not a special-use name. Returns the
 * normalised hostname; anything else is a BAD_INPUT naming `hostname`.
 */
export function validateCustomHostname(raw: string, config: Pick<CoreConfig, "platformHost">) {
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, "");
  if (trimmed === "") throw badInput("hostname", "Enter a domain name, e.g. portal.example.com");
  if (/[/:@\s]/.test(trimmed)) {
    throw badInput(
      "hostname",
      "Enter only the domain name, without a scheme, port or path (e.g. portal.example.com)",
    );
  }
  const platform = config.platformHost.toLowerCase();
  if (trimmed === platform || trimmed.endsWith(`.${platform}`)) {
    throw badInput("hostname", `${trimmed} is under the platform's own domain`);
  }
  let parsed: ReturnType<typeof parseHost>;
  try {
    parsed = parseHost(trimmed, { platformHost: config.platformHost });
  } catch (error) {
    if (error instanceof HostError && error.code === "RESERVED") {
      throw badInput("hostname", `${trimmed} is under the platform's own domain`);
    }
    const why = error instanceof Error ? error.message.replace(/^malformed host: /, "") : "";
    throw badInput("hostname", `${trimmed} is not a valid domain name (${why})`);
  }
  if (parsed.kind !== "custom") {
    throw badInput("hostname", `${trimmed} is under the platform's own domain`);
  }
  const tld = parsed.hostname.slice(parsed.hostname.lastIndexOf(".") + 1);
  if (UNRESOLVABLE_TLDS.has(tld)) {
    throw badInput("hostname", `.${tld} is a reserved name that public DNS cannot verify`);
  }
  return parsed.hostname;
}

/** Where the TXT record lives and what it must say. */
export function verificationRecord(hostname: string, token: string) {
  return { name: `_omnify-verify.${hostname}`, value: `omnify-verify=${token}` };
}

/** What a custom domain's CNAME should point at: a platform-owned name. */
export function cnameTarget(config: Pick<CoreConfig, "platformHost">): string {
  return `cname.${config.platformHost}`;
}
