import { ingestUsage } from "@omnify/core";
import { describe, expect, it } from "vitest";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s, as } = api;

describe("usage.overview through createCaller", () => {
  it("gives owners/admins this month's meters with quotas, and refuses plain members", async () => {
    await s.t.app.withTenant(s.w.client, (tx) =>
      ingestUsage(tx, [{ meter: "api.calls", source: "core", quantity: 1, idempotencyKey: "r1" }]),
    );
    const admin = await as("client.alpha.omnify.test", s.w.client, s.w.users.owner.id);
    const o = await admin.usage.overview();
    const calls = o.meters.find((m) => m.meter === "api.calls");
    expect(calls).toMatchObject({ used: 1, label: "API calls" });
    expect(calls?.quota).toMatchObject({ key: "apiCallsPerMonth", limit: 10_000, state: "ok" });
    expect(calls?.daily.at(-1)).toBe(1);
    expect(o.subaccounts).toBeNull();
    const agency = await as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
    expect((await agency.usage.overview()).subaccounts).toEqual([]);
    const member = await as("alpha.omnify.test", s.w.alpha, s.w.users.member.id);
    await trpcFailure(member.usage.overview(), "FORBIDDEN");
  });
});
