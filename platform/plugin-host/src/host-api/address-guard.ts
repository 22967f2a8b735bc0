import { promises as dns } from "node:dns";
import { HostApiError } from "@omnify/plugin-sdk";
import ipaddr from "ipaddr.js";

export type ResolvedAddress = { address: string; family: number };
/** Same shape as `dns.promises.lookup(host, { all: true })`; injectable for tests. */
export type LookupAll = (hostname: string, options: { all: true }) => Promise<ResolvedAddress[]>;
export const systemLookup: LookupAll = (hostname, options) => dns.lookup(hostname, options);

/**
 * The range name of an address, after unwrapping IPv4-mapped IPv6 (`::ffff:127.0.0.1`) to the
 * IPv4 it really reaches. Only 'unicast' is public: loopback, private, linkLocal (incl.
 * 169.254.169.254), carrierGradeNat, uniqueLocal (fc00::/7), unspecified, 6to4/teredo/NAT64
 * (which can embed private IPv4s), multicast and reserved all come back as something else.
 */
export function addressRange(address: string): string {
  if (!ipaddr.isValid(address)) return "invalid";
  return ipaddr.process(address).range();
}

/**
 * Resolves a URL hostname and refuses it unless every address is public. The caller then
 * connects to the returned address (see pinnedLookup), so a DNS answer that changes between
 * this check and the connection (rebinding) cannot redirect the request.
 */
export async function resolvePublic(
  hostname: string,
  lookup: LookupAll,
  allowPrivate: boolean,
): Promise<ResolvedAddress> {
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: ResolvedAddress[];
  if (ipaddr.isValid(host)) addresses = [{ address: host, family: host.includes(":") ? 6 : 4 }];
  else {
    try {
      addresses = await lookup(host, { all: true });
    } catch {
      throw new HostApiError("dns", `could not resolve '${host}'`);
    }
  }
  if (addresses.length === 0) throw new HostApiError("dns", `could not resolve '${host}'`);
  for (const a of addresses) {
    const range = addressRange(a.address);
    if (range !== "unicast" && !allowPrivate) {
      throw new HostApiError(
        "ssrf",
        `refusing '${host}': it resolves to ${a.address} (${range}), not a public address`,
      );
    }
  }
  return addresses[0] as ResolvedAddress;
}

type LookupCallback = (
  err: Error | null,
  address: string | ResolvedAddress[],
  family?: number,
) => void;

/** A `lookup` for http(s).request that answers with the already-checked address only. */
export function pinnedLookup(pinned: ResolvedAddress) {
  return (_host: string, options: { all?: boolean }, callback: LookupCallback) => {
    if (options?.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}
