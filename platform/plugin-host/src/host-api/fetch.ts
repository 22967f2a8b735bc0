import type { BridgeFetchArgs, BridgeFetchResult, PluginDescriptor } from "@omnify/plugin-sdk";
import { HostApiError } from "@omnify/plugin-sdk";
import { type LookupAll, resolvePublic, systemLookup } from "./address-guard.ts";
import { isAllowed } from "./allow-list.ts";
import { httpRequest } from "./http-request.ts";

export type FetchOptions = {
  /** DNS lookup; tests inject one that maps public-looking names to private addresses. */
  lookup?: LookupAll;
  /**
   * TEST ONLY: lets requests reach loopback/private addresses so tests can hit a local fake
   * upstream. createHostApi refuses it unless `environment: 'test'`.
   */
  dangerouslyAllowPrivateNetworksForTests?: boolean;
  /** Ceiling for one fetch, redirects included. Default 8000 ms (below the pool's deadline). */
  timeoutMs?: number;
  maxResponseBytes?: number;
  maxRequestBytes?: number;
  maxRedirects?: number;
};
export type GetSecret = (
  tenantId: string,
  pluginId: string,
  name: string,
) => Promise<string | undefined>;
type Caller = { tenantId: string; pluginId: string; manifest: PluginDescriptor };

// Hop-by-hop and framing headers are the host's to set; accept-encoding is fixed to identity
// so the body the plugin sees is the body (no decompression bombs, no binary surprises).
const FORBIDDEN =
  /^(host|connection|content-length|transfer-encoding|keep-alive|upgrade|te|trailer|expect|accept-encoding|proxy-.*)$/i;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new HostApiError("bad_request", `invalid URL '${raw.slice(0, 200)}'`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw new HostApiError("bad_request", "only http(s) URLs");
  if (url.username || url.password)
    throw new HostApiError("bad_request", "URLs with credentials are refused");
  return url;
}

async function secretHeader(
  caller: Caller,
  args: BridgeFetchArgs,
  getSecret: GetSecret | undefined,
) {
  if (!args.auth) return undefined;
  const { secret, header = "authorization", scheme } = args.auth;
  if (!caller.manifest.capabilities.secrets?.includes(secret)) {
    throw new HostApiError(
      "capability",
      `secret '${secret}' is not declared in capabilities.secrets`,
    );
  }
  const value = getSecret ? await getSecret(caller.tenantId, caller.pluginId, secret) : undefined;
  if (!value)
    throw new HostApiError("secret_missing", `secret '${secret}' is not set for this installation`);
  const s = scheme ?? (header.toLowerCase() === "authorization" ? "Bearer" : "");
  return { name: header.toLowerCase(), value: s ? `${s} ${value}` : value, secret: value };
}

/** The host side of `ctx.fetch`: allow-list, SSRF guard, pinned connection, caps, secrets. */
export async function hostFetch(
  caller: Caller,
  args: BridgeFetchArgs,
  getSecret: GetSecret | undefined,
  o: FetchOptions,
) {
  const maxResponse = o.maxResponseBytes ?? 2_000_000;
  if (args.body !== undefined && Buffer.byteLength(args.body) > (o.maxRequestBytes ?? 1_000_000)) {
    throw new HostApiError("too_large", "request body is too large");
  }
  const auth = await secretHeader(caller, args, getSecret);
  const signal = AbortSignal.timeout(Math.min(args.timeoutMs ?? Infinity, o.timeoutMs ?? 8000));
  let url = parseUrl(args.url);
  let { method, body } = args;
  const firstOrigin = url.origin;
  for (let hop = 0; ; hop++) {
    if (!isAllowed(caller.manifest, url, method)) {
      throw new HostApiError(
        "not_allowed",
        `${method} ${url.origin}${url.pathname} is not in capabilities.http.allow`,
      );
    }
    const address = await resolvePublic(
      url.hostname,
      o.lookup ?? systemLookup,
      o.dangerouslyAllowPrivateNetworksForTests === true,
    );
    const headers: Record<string, string> = { "accept-encoding": "identity" };
    for (const [k, v] of Object.entries(args.headers ?? {}))
      if (!FORBIDDEN.test(k)) headers[k.toLowerCase()] = String(v);
    // The secret goes only to the origin the plugin named, never along a cross-origin redirect.
    if (auth && url.origin === firstOrigin) headers[auth.name] = auth.value;
    const res = await httpRequest({
      url,
      method,
      headers,
      body,
      address,
      signal,
      maxBytes: maxResponse,
    });
    const location = res.headers.location;
    if (REDIRECTS.has(res.status) && location && args.redirect !== "manual") {
      if (hop >= (o.maxRedirects ?? 5))
        throw new HostApiError("too_many_redirects", "too many redirects");
      url = parseUrl(new URL(location, url).href);
      if (res.status === 303 || (res.status !== 307 && res.status !== 308 && method === "POST")) {
        method = "GET";
        body = undefined;
      }
      continue;
    }
    return toResult(res, url, hop > 0, args.responseEncoding ?? "utf8", auth?.secret);
  }
}

function toResult(
  res: Awaited<ReturnType<typeof httpRequest>>,
  url: URL,
  redirected: boolean,
  encoding: "utf8" | "base64",
  secret: string | undefined,
): BridgeFetchResult {
  // An upstream that echoes request headers would hand the secret to the plugin: redact it.
  const redact = (s: string) => (secret ? s.split(secret).join("[redacted]") : s);
  const headers = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, redact(v)]));
  const body =
    encoding === "base64"
      ? Buffer.from(redact(res.body.toString("latin1")), "latin1").toString("base64")
      : redact(res.body.toString("utf8"));
  return {
    status: res.status,
    statusText: res.statusText,
    headers,
    url: url.href,
    redirected,
    body,
    bodyEncoding: encoding,
  };
}
