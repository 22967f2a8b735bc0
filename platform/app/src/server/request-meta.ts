import type { RequestMeta } from "./auth-options";

/**
 * Client IP and user agent, recorded on the session row so a user can tell their sessions
 * apart. X-Forwarded-For is only informational here (never used for access decisions);
 * its first entry is the client as seen by the nearest proxy.
 */
export function requestMeta(headers: Headers): RequestMeta {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip") || null;
  return {
    ip: ip && /^[0-9a-f.:]+$/i.test(ip) ? ip : null,
    userAgent: headers.get("user-agent"),
  };
}
