import { createHmac, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signRealtimeToken, verifyRealtimeToken } from "../../src/realtime/token";

const secret = "test-secret-at-least-16";
const subject = { tenantId: randomUUID(), userId: randomUUID() };
const now = new Date("2030-01-01T00:00:00Z");

describe("realtime token", () => {
  it("round-trips tenant, user and expiry", () => {
    const token = signRealtimeToken(subject, secret, 60, now);
    expect(verifyRealtimeToken(token, secret, now)).toEqual({
      ...subject,
      exp: now.getTime() / 1000 + 60,
    });
  });

  it("rejects an expired token", () => {
    const token = signRealtimeToken(subject, secret, 60, now);
    expect(verifyRealtimeToken(token, secret, new Date(now.getTime() + 60_000))).toBeNull();
  });

  it("rejects a token signed with another secret", () => {
    const token = signRealtimeToken(subject, "another-secret-16-chars", 60, now);
    expect(verifyRealtimeToken(token, secret, now)).toBeNull();
  });

  it("rejects a tampered payload", () => {
    const token = signRealtimeToken(subject, secret, 60, now);
    const [, signature] = token.split(".");
    const forged = Buffer.from(
      JSON.stringify({ ...subject, tenantId: randomUUID(), exp: now.getTime() / 1000 + 60 }),
    ).toString("base64url");
    expect(verifyRealtimeToken(`${forged}.${signature}`, secret, now)).toBeNull();
  });

  it.each([undefined, 42, "", "no-dot", "a.b.c", "x".repeat(2000)])(
    "rejects malformed token %#",
    (token) => {
      expect(verifyRealtimeToken(token, secret, now)).toBeNull();
    },
  );

  it("rejects a validly signed payload of the wrong shape", () => {
    const body = Buffer.from(JSON.stringify({ tenantId: "nope", exp: 9e9 })).toString("base64url");
    const sig = createHmac("sha256", secret).update(body).digest("base64url");
    expect(verifyRealtimeToken(`${body}.${sig}`, secret, now)).toBeNull();
  });

  it("refuses a weak secret and a non-uuid subject", () => {
    expect(() => signRealtimeToken(subject, "short")).toThrow(/at least 16/);
    expect(() => signRealtimeToken({ tenantId: "t", userId: "u" }, secret)).toThrow();
  });
});
