import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readRealtimeEnv } from "../src/env";
import { isEventId } from "../src/events";

describe("isEventId", () => {
  it("accepts the row id publishTenantEvent notifies", () => {
    expect(isEventId(randomUUID())).toBe(true);
  });

  it.each([
    ["JSON naming a tenant", JSON.stringify({ tenantId: randomUUID(), type: "x", data: {} })],
    ["an empty payload", ""],
    ["a uuid with more around it", `${randomUUID()} `],
  ])("rejects %s", (_label, payload) => {
    expect(isEventId(payload)).toBe(false);
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
