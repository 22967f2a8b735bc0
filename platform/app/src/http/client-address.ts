import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";

/**
 * Who is on the other end of a request, decided once, at the edge of the web process.
 *
 * The socket's peer is the client unless that peer is a proxy we trust; only then is
 * `X-Forwarded-For` read, from the right, skipping trusted hops (proxy-addr's rules, the
 * same ones Express uses). Next itself keeps whatever `X-Forwarded-For` a client sends,
 * so without this a client could pick its own address and walk around the per-IP sign-in
 * throttle and the pairing rate limit.
 *
 * `OMNIFY_TRUSTED_PROXIES`: comma-separated addresses or CIDRs, or proxy-addr's names
 * (`loopback`, `linklocal`, `uniquelocal`); `none` trusts nothing. Default `loopback`:
 * a reverse proxy on the same machine (and the test suite's browser) may forward.
 */
export type ClientAddressResolver = (req: IncomingMessage) => string;

export function clientAddressResolver(setting: string | undefined): ClientAddressResolver {
  const value = (setting ?? "loopback").trim();
  const list =
    value === "" || value === "none"
      ? []
      : value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean);
  let trust: ReturnType<typeof proxyaddr.compile>;
  try {
    trust = proxyaddr.compile(list);
  } catch (e) {
    throw new Error(
      `OMNIFY_TRUSTED_PROXIES: ${(e as Error).message} (expected addresses, CIDRs, loopback, linklocal, uniquelocal or none)`,
    );
  }
  return (req) => proxyaddr(req, trust);
}

/**
 * Rewrites the request's forwarding headers to the one resolved client address, so every
 * reader further in (`requestMeta`, Next) sees the decided value and nothing a client made up.
 */
export function pinClientAddress(req: IncomingMessage, resolve: ClientAddressResolver): string {
  const address = resolve(req);
  req.headers["x-forwarded-for"] = address;
  delete req.headers["x-real-ip"];
  return address;
}
