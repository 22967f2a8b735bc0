import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { HOST_HEADER, HOST_KIND_HEADER } from "./lib/host-headers";
import { proxy } from "./proxy";

/** The request headers proxy.ts hands on to routes (Next encodes them on the response). */
function forwarded(response: Response, name: string): string | null {
  return response.headers.get(`x-middleware-request-${name}`);
}

function request(path: string, headers: Record<string, string>) {
  return new NextRequest(`http://internal${path}`, { headers });
}

describe("proxy", () => {
  it("passes a valid host on as trusted headers and pins X-Forwarded-* to it", () => {
    const res = proxy(
      request("/members", {
        host: "Acme.Northwind.localhost:3000",
        "x-forwarded-host": "evil.test",
        "x-forwarded-proto": "https",
        [HOST_HEADER]: "sunset.localhost",
      }),
    );
    expect(forwarded(res, HOST_HEADER)).toBe("acme.northwind.localhost");
    expect(forwarded(res, HOST_KIND_HEADER)).toBe("subaccount");
    expect(forwarded(res, "x-forwarded-host")).toBe("acme.northwind.localhost:3000");
    expect(forwarded(res, "x-forwarded-proto")).toBe("http");
  });

  it("refuses a malformed host on API routes", () => {
    const res = proxy(request("/api/trpc/members.find", { host: "evil.test@northwind.localhost" }));
    expect(res.status).toBe(400);
  });

  it("refuses a reserved subdomain on API routes with 404", () => {
    const res = proxy(request("/api/auth/session", { host: "www.localhost:3000" }));
    expect(res.status).toBe(404);
  });

  it("lets pages render the branded 404 for a bad host, with no trusted host header", () => {
    const res = proxy(
      request("/", { host: "127.0.0.1:3000", [HOST_HEADER]: "northwind.localhost" }),
    );
    expect(res.status).toBe(200);
    expect(forwarded(res, HOST_HEADER)).toBeNull();
  });

  it("sends the CSP with a fresh nonce on the response and on the request (where Next reads it)", () => {
    const first = proxy(request("/", { host: "northwind.localhost:3000" }));
    const second = proxy(request("/", { host: "northwind.localhost:3000" }));
    const csp = first.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+';/);
    expect(forwarded(first, "content-security-policy")).toBe(csp);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });
});
