import { type PluginRun, runPlugin } from "@omnify/plugin-sdk/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type Stats = { links: number; clicks: number; perDay: { day: string; clicks: number }[] };

let p: PluginRun;
const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  p = await runPlugin({ dir: new URL("..", import.meta.url), tenants: ["t1", "t2"] });
  for (const t of ["t1", "t2"])
    await p.call(t, "links.create", {
      destination: "https://x.example.com",
      campaign: "c",
      slug: "promo",
    });
  p.clearRecorded();
});
afterAll(() => p?.close());

const click = (tenant: string, clickId: string, extra: Record<string, unknown> = {}) =>
  p.call<{ recorded: boolean; duplicate: boolean }>(tenant, "clicks.record", {
    clickId,
    slug: "promo",
    ...extra,
  });

describe("clicks", () => {
  it("counts a click delivered twice once: one row, one meter record, one realtime message", async () => {
    expect(await click("t1", "click-0001", { referrer: "https://news.example.com" })).toEqual({
      recorded: true,
      duplicate: false,
    });
    expect(await click("t1", "click-0001")).toEqual({ recorded: false, duplicate: true });
    expect(p.recorded.meters).toEqual([
      expect.objectContaining({
        tenantId: "t1",
        name: "utm-links.clicks",
        quantity: 1,
        idempotencyKey: "click:click-0001",
      }),
    ]);
    expect(p.recorded.realtime).toEqual([
      {
        tenantId: "t1",
        channel: "clicks",
        payload: expect.objectContaining({ slug: "promo", total: 1 }),
      },
    ]);
    const stats = await p.call<Stats>("t1", "links.stats", { days: 2 });
    expect(stats.clicks).toBe(1);
    expect(stats.perDay.at(-1)).toEqual({ day: today, clicks: 1 });
  });

  it("keeps the same click id apart per tenant", async () => {
    expect((await click("t2", "click-0001")).recorded).toBe(true);
    expect((await p.call<Stats>("t2", "links.stats", {})).clicks).toBe(1);
    expect((await p.call<Stats>("t1", "links.stats", {})).clicks).toBe(1);
  });

  it("refuses a click on an unknown slug by name", async () => {
    await expect(click("t1", "click-0404", { slug: "nope" })).rejects.toMatchObject({
      pluginCode: "not_found",
      message: expect.stringMatching(/input\.slug: no link 'nope'/),
    });
  });

  it("rolls up a day per link when the schedule's job runs", async () => {
    const at = `${yesterday}T12:00:00Z`;
    for (const id of ["click-y1", "click-y2", "click-y3"])
      await click("t1", id, { occurredAt: at });
    const first = await p.runJob("t1", "rollup-clicks", { day: yesterday });
    expect(first).toEqual({ day: yesterday, links: 1, clicks: 3 });
    // Idempotent: running the same day again overwrites, it does not add.
    expect(await p.runJob("t1", "rollup-clicks", { day: yesterday })).toEqual(first);
    // With no payload (as the cron sends it) it rolls up yesterday too.
    expect(await p.runJob("t1", "rollup-clicks")).toEqual(first);
    expect(await p.runJob("t2", "rollup-clicks")).toEqual({ day: yesterday, links: 0, clicks: 0 });
    const stats = await p.call<Stats>("t1", "links.stats", { days: 2 });
    expect(stats.perDay).toEqual([
      { day: yesterday, clicks: 3 },
      { day: today, clicks: 1 },
    ]);
    expect(p.recorded.logs).toContainEqual(
      expect.objectContaining({ tenantId: "t1", message: "rolled up clicks" }),
    );
  });

  it("handles core's member.joined event", async () => {
    await p.emitEvent("t2", "member.joined", { userId: "u-1", role: "member" });
    expect(p.recorded.logs.at(-1)).toEqual({
      tenantId: "t2",
      level: "info",
      message: "member joined",
      data: { userId: "u-1", role: "member" },
    });
    await expect(p.emitEvent("t2", "member.left", {})).rejects.toThrow(/does not subscribe/);
  });

  it("stays within its CPU and memory budget", async () => {
    await p.expectWithinBudget({ cpuMsPerCall: 200 });
  });
});
