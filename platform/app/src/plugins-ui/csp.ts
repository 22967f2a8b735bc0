/**
 * The portal's Content-Security-Policy. Plugin remotes are same-origin scripts, so the CSP
 * is what keeps script sources to this origin (plus Next's nonce'd inline bootstrap):
 *
 * - `script-src 'self' 'nonce-…'`: Next's chunks and the verified `/_plugins/…` files are
 *   same-origin; Next's inline flight-data scripts carry the per-request nonce (Next reads
 *   it from this header on the request). No 'unsafe-inline', no blob:, no 'strict-dynamic'
 *   (that would let any loaded script pull in scripts from anywhere). Federation needs
 *   nothing more: remotes load as `<script src integrity>`.
 * - `'unsafe-eval'` only in `next dev` (React's dev tooling and HMR evaluate code); never
 *   in production.
 * - `connect-src` adds the realtime gateway (another origin) for both http(s) and ws(s).
 * - `style-src 'unsafe-inline'`: the tenant theme is an inline `<style>` in the server HTML
 *   (no flash of the default theme) and components use style attributes.
 * - `img-src`/`media-src` allow `blob:`: the screen player (/screen/) plays creatives from
 *   object URLs of its offline media cache. Only same-origin script can mint a blob: URL.
 */
export function contentSecurityPolicy(opts: {
  nonce: string;
  realtimeUrl: string;
  dev: boolean;
}): string {
  const realtime = new URL(opts.realtimeUrl);
  const socket = `${realtime.protocol === "https:" ? "wss:" : "ws:"}//${realtime.host}`;
  const script = ["'self'", `'nonce-${opts.nonce}'`, ...(opts.dev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    `connect-src 'self' ${realtime.origin} ${socket}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** 128 random bits, base64: a fresh script nonce for one response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
