/**
 * Cookie names and options for next-auth, per public scheme.
 *
 * Every cookie is host-only (no Domain attribute): an agency's custom domain, its platform
 * subdomain and each sub-account host keep separate sessions, and one tenant's host can
 * never read another's cookie. On https the `__Host-` prefix makes the browser enforce
 * that (Secure, Path=/, no Domain). Plain http (local dev) cannot use the prefix, so names
 * there are unprefixed.
 */
export type CookieOptions = {
  httpOnly: boolean;
  sameSite: "lax";
  path: "/";
  secure: boolean;
};

export type AuthCookieName =
  | "sessionToken"
  | "callbackUrl"
  | "csrfToken"
  | "pkceCodeVerifier"
  | "state"
  | "nonce";

const BASE: Record<AuthCookieName, string> = {
  sessionToken: "omnify.session",
  callbackUrl: "omnify.callback-url",
  csrfToken: "omnify.csrf",
  pkceCodeVerifier: "omnify.pkce",
  state: "omnify.state",
  nonce: "omnify.nonce",
};

export function cookieName(name: AuthCookieName, scheme: "http" | "https"): string {
  return scheme === "https" ? `__Host-${BASE[name]}` : BASE[name];
}

/** The `cookies` option for next-auth: names and attributes of every cookie it sets. */
export function authCookies(scheme: "http" | "https") {
  const secure = scheme === "https";
  const entry = (name: AuthCookieName, opts: { maxAge?: number } = {}) => ({
    name: cookieName(name, scheme),
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, ...opts } as CookieOptions,
  });
  return {
    sessionToken: entry("sessionToken"),
    callbackUrl: entry("callbackUrl"),
    csrfToken: entry("csrfToken"),
    // OAuth round-trip cookies only need to live for the trip to the provider and back.
    pkceCodeVerifier: entry("pkceCodeVerifier", { maxAge: 15 * 60 }),
    state: entry("state", { maxAge: 15 * 60 }),
    nonce: entry("nonce"),
  };
}
