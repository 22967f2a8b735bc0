import { beforeAll, describe, expect, it } from "vitest";
import { fixtureBundle, runChild } from "./helpers.ts";

type Attempt = { rejected: boolean; describes: string; answer: unknown };
type Report = {
  sizes: { compileOnly: number; afterLoad: number };
  cases: Record<"none" | "good" | "foreign" | "truncated" | "tamperedHeader" | "garbage", Attempt>;
  pool: {
    probeCacheBytes: number;
    firstRejected: boolean;
    replaced: boolean;
    secondRejected: boolean;
    answers: unknown[];
  };
};

let report: Report;

beforeAll(async () => {
  const [hello, other] = await Promise.all([fixtureBundle("hello"), fixtureBundle("hostile")]);
  report = await runChild<Report>("code-cache-child.ts", { hello, other });
}, 90_000);

const works = {
  rejected: false,
  describes: "hello",
  answer: expect.objectContaining({ tenant: "tenant-1" }),
};

describe("V8 code cache of a bundle", () => {
  it("is taken after the bundle ran, so it covers the functions load compiled lazily", () => {
    expect(report.sizes.afterLoad).toBeGreaterThan(report.sizes.compileOnly * 1.1);
    expect(report.cases.none).toEqual(works);
    expect(report.cases.good).toEqual(works);
  });

  it("is refused when it belongs to another bundle or is damaged, and the load compiles from source", () => {
    for (const name of ["foreign", "truncated", "tamperedHeader", "garbage"] as const) {
      expect({ name, ...report.cases[name] }).toEqual({ name, ...works, rejected: true });
    }
  });

  it("is replaced in the worker's pool after V8 refused it", () => {
    const p = report.pool;
    expect(p.probeCacheBytes).toBeGreaterThan(report.sizes.compileOnly * 1.1);
    expect(p.firstRejected).toBe(true);
    expect(p.replaced).toBe(true);
    expect(p.secondRejected).toBe(false);
    expect(p.answers).toEqual([
      expect.objectContaining({ tenant: "tenant-a" }),
      expect.objectContaining({ tenant: "tenant-b" }),
    ]);
  });
});
