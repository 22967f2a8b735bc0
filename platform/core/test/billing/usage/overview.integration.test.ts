import { beforeAll, describe, expect, it } from "vitest";
import { ingestUsage, type UsageEventInput } from "../../../src/billing/usage/ingest-usage";
import { rollUpUsage } from "../../../src/billing/usage/roll-up";
import { getUsageOverview } from "../../../src/billing/usage/usage-overview";
import { setupWorld } from "../../helpers";
import { installMeteringPlugin } from "./setup";

const s = setupWorld();
beforeAll(() => installMeteringPlugin(s.t.admin, [s.w.alpha, s.w.client, s.w.beta]));

const now = new Date();
const today = now.toISOString().slice(0, 10);
const ingest = (tenantId: string, events: UsageEventInput[]) =>
  s.t.app.withTenant(tenantId, (tx) => ingestUsage(tx, events));
const overview = (tenantId: string) =>
  s.t.app.withTenant(tenantId, (tx) => getUsageOverview(tx, tenantId));
const click = (key: string, quantity: number, occurredAt = now): UsageEventInput => ({
  meter: "clicks",
  source: "plugin:links",
  quantity,
  idempotencyKey: key,
  occurredAt,
});

describe("usage overview", () => {
  it("charts this month's days per meter, today live, with quota states", async () => {
    await s.t
      .admin`insert into feature_overrides (tenant_id, key, value) values (${s.w.alpha}, 'aiTokensPerMonth', '100')`;
    await ingest(s.w.alpha, [
      click("c1", 3),
      click("c2", 4),
      { meter: "ai.tokens", source: "core", quantity: 85, idempotencyKey: "t1" },
    ]);
    const o = await overview(s.w.alpha);
    expect(o.days.at(-1)).toBe(today);
    const clicks = o.meters.find((m) => m.meter === "clicks");
    expect(clicks?.label).toBe("links · clicks");
    expect(clicks?.daily.at(-1)).toBe(7);
    expect(clicks?.used).toBe(7);
    const tokens = o.meters.find((m) => m.meter === "ai.tokens");
    expect(tokens?.used).toBe(85);
    expect(tokens?.quota).toMatchObject({ limit: 100, state: "warning", key: "aiTokensPerMonth" });
    expect(tokens?.quota?.upgrade).toBe("upgrade to Basic in Settings → Billing");
    expect(o.alerts.map((a) => [a.meter, a.threshold])).toEqual([["ai.tokens", 80]]);
    expect(o.meters.find((m) => m.meter === "api.calls")?.quota?.state).toBe("ok");
  });

  it("shows an agency its own sub-accounts' rolled-up days, and no one else's", async () => {
    // A closed day of last month, viewed as of that month's last hour.
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 10, 12));
    const asOf = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1) - 3_600_000);
    await ingest(s.w.client, [click("s1", 9, lastMonth)]);
    await ingest(s.w.beta, [click("b1", 5, lastMonth)]);
    for (const t of [s.w.client, s.w.beta])
      await s.t.app.withTenant(t, (tx) => rollUpUsage(tx, "day"));
    const alpha = await s.t.app.withTenant(s.w.alpha, (tx) =>
      getUsageOverview(tx, s.w.alpha, asOf),
    );
    const sub = alpha.subaccounts?.map((x) => [x.name, x.meter, x.daily[9]]);
    expect(sub).toEqual([["Client Co", "clicks", 9]]);
    expect((await overview(s.w.beta)).subaccounts).toEqual([]);
    expect((await overview(s.w.client)).subaccounts).toBeNull();
  });
});
