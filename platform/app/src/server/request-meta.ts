import type { RequestMeta } from "./auth-options";

/**
 * Client IP and user agent of a request. The web server (src/http/main.ts) has already
 * replaced `X-Forwarded-For` with the one client address it resolved from the socket and
 * the trusted proxies (OMNIFY_TRUSTED_PROXIES), so the value here is safe to key the
 * sign-in throttle and the pairing rate limit on.
 */
export function requestMeta(headers: Headers): RequestMeta {
  const ip = headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
  return {
    ip: ip && /^[0-9a-f.:]+$/i.test(ip) ? ip : null,
    userAgent: headers.get("user-agent"),
  };
}
