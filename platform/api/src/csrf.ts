import { buildOrigin, type CoreConfig, HostError, parseHost } from "@omnify/core";

/** The header the portal's tRPC client sends on every call (see app/src/trpc/react.tsx). */
export const CSRF_HEADER = "x-omnify-csrf";

/**
 * CSRF defence for tRPC mutations (every non-GET request). Two independent checks:
 * - a custom header, which a cross-site form cannot send and a cross-site fetch() can only
 *   send after a CORS preflight we never approve;
 * - `Origin` equal to the origin of the tenant this Host names (built from config, as in
 *   e-mail links), so a page on another tenant's host, even a sibling subdomain that counts
 *   as "same site" for SameSite=Lax cookies, cannot post here.
 * Returns the 403 response to send, or null to go on.
 */
export function csrfRefusal(req: Request, config: CoreConfig): Response | null {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return null;
  if (req.headers.get(CSRF_HEADER) !== "1") return forbidden(`Missing ${CSRF_HEADER} header`);
  const origin = req.headers.get("origin");
  if (!origin || origin !== expectedOrigin(req, config))
    return forbidden("Cross-origin request refused");
  return null;
}

function expectedOrigin(req: Request, config: CoreConfig): string | null {
  const host = req.headers.get("host") ?? new URL(req.url).host;
  try {
    return buildOrigin(parseHost(host, { platformHost: config.platformHost }).hostname, config);
  } catch (error) {
    if (error instanceof HostError) return null;
    throw error;
  }
}

function forbidden(message: string): Response {
  return Response.json({ error: { message, code: "FORBIDDEN" } }, { status: 403 });
}
