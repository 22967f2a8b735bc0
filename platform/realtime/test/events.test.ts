import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readRealtimeEnv } from "../src/env";
import { parseTenantEvent } from "../src/events";

describe("parseTenantEvent", () => {
  it("accepts what publishTenantEvent sends", () => {
    const event = { tenantId: randomUUID(), type: "lead.created", data: { id: 1 } };
    expect(parseTenantEvent(JSON.stringify(event))).toEqual({ ok: true, event });
  });

  it.each([
    ["not JSON", "{", /not JSON/],
    ["no tenant", JSON.stringify({ type: "x", data: {} }), /tenantId/],
    ["a non-uuid tenant", JSON.stringify({ tenantId: "t", type: "x", data: {} }), /tenantId/],
    ["array data", JSON.stringify({ tenantId: randomUUID(), type: "x", data: [] }), /data/],
  ])("rejects %s", (_label, payload, reason) => {
    const parsed = parseTenantEvent(payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe("readRealtimeEnv", () => {
  const base = { OMNIFY_DB_APP_URL: "postgres://app@localhost/db", OMNIFY_SECRET: "s".repeat(32) };

  it("defaults the port to 3001", () => {
    expect(readRealtimeEnv(base).REALTIME_PORT).toBe(3001);
  });

  it("names the bad variable", () => {
    expect(() => readRealtimeEnv({ ...base, OMNIFY_SECRET: "short" })).toThrow(/OMNIFY_SECRET/);
    expect(() => readRealtimeEnv({ OMNIFY_SECRET: "s".repeat(32) })).toThrow(/OMNIFY_DB_APP_URL/);
  });
});
