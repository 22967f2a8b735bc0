import { buildOrigin } from "@omnify/core/tenancy/build-origin";
import { HostError, parseHost } from "@omnify/core/tenancy/parse-host";
import { type NextRequest, NextResponse } from "next/server";
import { coreConfig, isDevelopment, realtimeUrl } from "./env";
import { HOST_HEADER, HOST_KIND_HEADER, PATH_HEADER } from "./lib/host-headers";
import { contentSecurityPolicy, createNonce } from "./plugins-ui/csp";

/**
 * Host gate for every request (Next 16 "proxy", formerly middleware; Node runtime).
 *
 * A malformed or reserved Host never reaches a route: API calls get a 400/404 here, pages
 * get the branded not-found page (they see no validated host and call notFound()).
 * A valid host is passed on as trusted request headers, and X-Forwarded-Host/Proto are
 * overwritten with the validated host and the configured scheme/port, because next-auth
 * builds its callback and redirect URLs from those headers.
 *
 * Every response gets the portal's CSP with a fresh script nonce; the same header goes on
 * the request, which is where Next reads the nonce for its own inline scripts.
 */
export function proxy(request: NextRequest) {
  const cfg = coreConfig();
  const headers = new Headers(request.headers);
  for (const name of [HOST_HEADER, HOST_KIND_HEADER, PATH_HEADER, "x-forwarded-host"]) {
    headers.delete(name);
  }
  headers.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    realtimeUrl: realtimeUrl(),
    dev: isDevelopment(),
  });
  headers.set("content-security-policy", csp);

  try {
    const parsed = parseHost(request.headers.get("host") ?? "", { platformHost: cfg.platformHost });
    const origin = new URL(buildOrigin(parsed.hostname, cfg));
    headers.set(HOST_HEADER, parsed.hostname);
    headers.set(HOST_KIND_HEADER, parsed.kind);
    headers.set("x-forwarded-host", origin.host);
    headers.set("x-forwarded-proto", origin.protocol.replace(":", ""));
  } catch (error) {
    if (!(error instanceof HostError)) throw error;
    if (request.nextUrl.pathname.startsWith("/api/")) {
      const status = error.code === "RESERVED" ? 404 : 400;
      return NextResponse.json({ error: "Unknown or malformed host" }, { status });
    }
  }
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Static build output is the same for every host; everything else is host-gated.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
