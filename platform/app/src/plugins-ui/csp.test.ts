import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce } from "./csp";

const directives = (csp: string) =>
  new Map(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)] as const));

describe("contentSecurityPolicy", () => {
  it("allows only this origin's scripts plus the nonce, and the realtime gateway for connections", () => {
    const csp = directives(
      contentSecurityPolicy({ nonce: "abc", realtimeUrl: "http://localhost:3001", dev: false }),
    );
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(csp.get("connect-src")).toEqual([
      "'self'",
      "http://localhost:3001",
      "ws://localhost:3001",
    ]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp.get("media-src")).toEqual(["'self'", "blob:"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("uses wss for an https gateway and allows eval only in development", () => {
    const prod = contentSecurityPolicy({
      nonce: "n",
      realtimeUrl: "https://rt.example.com",
      dev: false,
    });
    expect(directives(prod).get("connect-src")).toContain("wss://rt.example.com");
    expect(prod).not.toContain("unsafe-eval");
    const dev = contentSecurityPolicy({
      nonce: "n",
      realtimeUrl: "http://localhost:3001",
      dev: true,
    });
    expect(directives(dev).get("script-src")).toContain("'unsafe-eval'");
  });
});

describe("createNonce", () => {
  it("is fresh base64 each time (what Next accepts as a nonce)", () => {
    const a = createNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(createNonce()).not.toBe(a);
  });
});
