/**
 * Where to go after sign-in. Only same-origin relative paths are accepted, so a crafted
 * `?callbackUrl=` can never bounce a freshly signed-in user to another site (open redirect).
 * Anything else, including protocol-relative `//evil.test` and `/\evil.test` (which browsers
 * treat as `//`), falls back to `fallback`.
 */
export function safeCallbackPath(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  // Control characters (tab, newline) are stripped by URL parsers and can turn "/\t/x" into "//x".
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;
  try {
    const base = "http://omnify.invalid";
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** Accepts an absolute URL only when it points at `origin`; returns the relative path. */
export function sameOriginPath(raw: string, origin: string, fallback = "/"): string {
  if (raw.startsWith("/")) return safeCallbackPath(raw, fallback);
  try {
    const url = new URL(raw);
    if (url.origin !== origin) return fallback;
    return safeCallbackPath(`${url.pathname}${url.search}${url.hash}`, fallback);
  } catch {
    return fallback;
  }
}

/** `/signin?callbackUrl=<path>` for a protected page the visitor tried to open. */
export function signInPath(callbackPath: string): string {
  const path = safeCallbackPath(callbackPath);
  return path === "/" ? "/signin" : `/signin?callbackUrl=${encodeURIComponent(path)}`;
}
