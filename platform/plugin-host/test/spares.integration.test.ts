import { beforeAll, describe, expect, it } from "vitest";
import { fixtureBundle, runChild } from "./helpers.ts";

type Report = {
  withSpares: {
    aWasProbe: boolean;
    bWasRefill: boolean;
    distinct: boolean;
    counts: unknown[];
    atLoad: unknown;
    logs: unknown[];
    rebind: string;
    sparesWhileCallRuns: number;
    sparesAfter: number;
    spareFailures: string[];
  };
  withoutSpares: { sparesAfterDescribe: number; sparesAfterGet: number; count: unknown };
  restless: { spares: number[]; ping: unknown };
  calls: { tenantId: string; method: string; argsJson: string }[];
};

let report: Report;

beforeAll(async () => {
  const [stateful, restless] = await Promise.all([
    fixtureBundle("stateful"),
    fixtureBundle("restless"),
  ]);
  report = await runChild<Report>("spare-child.ts", { stateful, restless });
}, 90_000);

describe("spare isolates", () => {
  it("hands the probe, then a freshly loaded spare, each to exactly one tenant", () => {
    const r = report.withSpares;
    expect(r).toMatchObject({ aWasProbe: true, bWasRefill: true, distinct: true });
    expect(r.counts).toEqual([
      { tenant: "tenant-a", calls: 1 },
      { tenant: "tenant-a", calls: 2 },
      { tenant: "tenant-b", calls: 1 },
    ]);
    expect(r.rebind).toMatch(/already bound/);
  });

  it("loads the next spare once no call is running", () => {
    const r = report.withSpares;
    expect(r.sparesWhileCallRuns).toBe(0);
    expect({ spares: r.sparesAfter, failures: r.spareFailures }).toEqual({
      spares: 1,
      failures: [],
    });
  });

  it("refuses host calls made while loading, before any tenant has the isolate", () => {
    expect(report.withSpares.atLoad).toEqual({
      ok: false,
      error: { code: "not_available", message: expect.stringMatching(/while a plugin loads/) },
    });
    expect(report.calls.some((c) => c.argsJson.includes("at load"))).toBe(false);
  });

  it("routes a claimed spare's host calls to the tenant that claimed it", () => {
    expect(report.withSpares.logs).toEqual(["tenant-a", "tenant-b"]);
    expect(report.calls.map((c) => c.tenantId)).toEqual(["tenant-a", "tenant-b"]);
  });

  it("keeps none when turned off", () => {
    expect(report.withoutSpares).toEqual({
      sparesAfterDescribe: 0,
      sparesAfterGet: 0,
      count: { tenant: "tenant-c", calls: 1 },
    });
  });

  it("drops a spare that keeps burning CPU after its load, and loads afresh for the tenant", () => {
    expect(report.restless.spares).toEqual([1, 0]);
    expect(report.restless.ping).toBe("tenant-d");
  });
});
