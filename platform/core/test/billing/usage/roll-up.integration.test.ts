import { beforeAll, describe, expect, it } from "vitest";
import { ingestUsage, type UsageEventInput } from "../../../src/billing/usage/ingest-usage";
import { type RollupPeriod, rollUpUsage } from "../../../src/billing/usage/roll-up";
import { rollUpAllTenants } from "../../../src/billing/usage/roll-up-all";
import { setupWorld } from "../../helpers";
import { installMeteringPlugin } from "./setup";

const s = setupWorld();
beforeAll(() => installMeteringPlugin(s.t.admin, [s.w.alpha, s.w.beta]));

// Yesterday 10:00 and 11:00 UTC: closed hours of one closed day, whatever time the test runs.
const day = new Date();
day.setUTCDate(day.getUTCDate() - 1);
day.setUTCHours(0, 0, 0, 0);
const at = (hour: number, minute = 0) => new Date(day.getTime() + (hour * 60 + minute) * 60_000);

const ev = (meter: string, key: string, quantity: number, occurredAt: Date, subject?: string) =>
  ({
    meter,
    source: "plugin:links",
    quantity,
    idempotencyKey: key,
    occurredAt,
    subject,
  }) as UsageEventInput;
const ingest = (tenantId: string, events: UsageEventInput[]) =>
  s.t.app.withTenant(tenantId, (tx) => ingestUsage(tx, events));
const roll = (tenantId: string, period: RollupPeriod) =>
  s.t.app.withTenant(tenantId, (tx) => rollUpUsage(tx, period));
const rollups = (tenantId: string, period: RollupPeriod) =>
  s.t
    .admin`select meter, bucket_start, value::float as value, events, computed_at from usage_rollups
    where tenant_id = ${tenantId} and period = ${period} order by meter, bucket_start`;
const values = async (tenantId: string, period: RollupPeriod) =>
  (await rollups(tenantId, period)).map((r) => [
    r.meter,
    new Date(r.bucket_start).toISOString(),
    r.value,
  ]);

describe("usage roll-ups", () => {
  it("aggregates closed hours and days with each meter's aggregation", async () => {
    await ingest(s.w.alpha, [
      ev("clicks", "c1", 2, at(10, 5)),
      ev("clicks", "c2", 3, at(10, 55)),
      ev("clicks", "c3", 4, at(11, 1)),
      ev("links", "l1", 1, at(10, 1)),
      ev("links", "l2", 1, at(10, 2)),
      ev("peak", "p1", 7, at(10, 1)),
      ev("peak", "p2", 4, at(11, 1)),
      ev("visitors", "v1", 1, at(10, 1), "u1"),
      ev("visitors", "v2", 1, at(10, 2), "u2"),
      ev("visitors", "v3", 1, at(11, 3), "u1"),
    ]);
    await roll(s.w.alpha, "hour");
    await roll(s.w.alpha, "day");
    const h10 = at(10).toISOString();
    const h11 = at(11).toISOString();
    expect(await values(s.w.alpha, "hour")).toEqual([
      ["clicks", h10, 5],
      ["clicks", h11, 4],
      ["links", h10, 2],
      ["peak", h10, 7],
      ["peak", h11, 4],
      ["visitors", h10, 2],
      ["visitors", h11, 1],
    ]);
    // Daily unique is a distinct count over the day (u1, u2), not the hours' sum (3).
    expect(await values(s.w.alpha, "day")).toEqual([
      ["clicks", day.toISOString(), 9],
      ["links", day.toISOString(), 2],
      ["peak", day.toISOString(), 7],
      ["visitors", day.toISOString(), 2],
    ]);
  });

  it("changes nothing when a job runs again", async () => {
    const hours = await rollups(s.w.alpha, "hour");
    const days = await rollups(s.w.alpha, "day");
    expect((await roll(s.w.alpha, "hour")).changed).toBe(0);
    expect((await roll(s.w.alpha, "day")).changed).toBe(0);
    expect(await rollups(s.w.alpha, "hour")).toEqual(hours);
    expect(await rollups(s.w.alpha, "day")).toEqual(days);
  });

  it("re-rolls closed buckets that receive late, out-of-order events", async () => {
    await ingest(s.w.alpha, [
      ev("clicks", "late1", 10, at(10, 30)),
      ev("visitors", "late2", 1, at(10, 40), "u3"),
      ev("peak", "late3", 9, at(11, 59)),
    ]);
    expect((await roll(s.w.alpha, "hour")).changed).toBe(3);
    expect((await roll(s.w.alpha, "day")).changed).toBe(3);
    const h10 = at(10).toISOString();
    const hours = await values(s.w.alpha, "hour");
    expect(hours).toContainEqual(["clicks", h10, 15]);
    expect(hours).toContainEqual(["visitors", h10, 3]);
    expect(hours).toContainEqual(["peak", at(11).toISOString(), 9]);
    expect(await values(s.w.alpha, "day")).toEqual([
      ["clicks", day.toISOString(), 19],
      ["links", day.toISOString(), 2],
      ["peak", day.toISOString(), 9],
      ["visitors", day.toISOString(), 3],
    ]);
  });

  it("leaves the open hour alone and catches up on it once closed", async () => {
    const now = new Date();
    await ingest(s.w.beta, [ev("clicks", "open", 1, now)]);
    await roll(s.w.beta, "hour");
    expect(await values(s.w.beta, "hour")).toEqual([]);
    const later = new Date(now.getTime() + 2 * 3_600_000);
    await s.t.app.withTenant(s.w.beta, (tx) => rollUpUsage(tx, "hour", later));
    const hour = new Date(now);
    hour.setUTCMinutes(0, 0, 0);
    expect(await values(s.w.beta, "hour")).toEqual([["clicks", hour.toISOString(), 1]]);
  });

  it("the job walks every tenant inside its own RLS transaction", async () => {
    const result = await rollUpAllTenants(s.t.app, "hour");
    expect(result.tenants).toBeGreaterThanOrEqual(4);
    expect(result.changed).toBe(0);
  });
});
