import { PgBoss } from "pg-boss";
import { describe, expect, it } from "vitest";
import { readWorkerEnv } from "../src/env";
import { jobs } from "../src/registry";

describe("job registry", () => {
  it("has unique ids that pg-boss accepts as queue names", () => {
    const ids = jobs.map((j) => j.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[\w.\-/]+$/);
  });

  it("gives every job retention so the job table stays small", () => {
    for (const job of jobs) {
      expect(job.queue.deleteAfterSeconds, job.id).toBeGreaterThan(0);
      expect(job.queue.retentionSeconds, job.id).toBeGreaterThan(0);
    }
  });

  it("has crons that parse in their time zone and payloads their schema accepts", () => {
    // previewSchedule is pure: no connection is opened.
    const boss = new PgBoss("postgres://unused@127.0.0.1:1/none");
    for (const job of jobs.filter((j) => j.cron)) {
      const cron = job.cron as NonNullable<typeof job.cron>;
      expect(boss.previewSchedule(cron.expression, { tz: cron.tz, count: 2 })).toHaveLength(2);
      expect(job.payload.safeParse(cron.payload).success, job.id).toBe(true);
    }
  });

  it("loads each handler lazily as a function", async () => {
    for (const job of jobs) expect(typeof (await job.handler()).default).toBe("function");
  });
});

describe("readWorkerEnv", () => {
  it("requires both database URLs", () => {
    expect(() => readWorkerEnv({ OMNIFY_DB_APP_URL: "postgres://a@h/d" })).toThrow(
      /OMNIFY_DB_ADMIN_URL/,
    );
    const env = { OMNIFY_DB_APP_URL: "postgres://a@h/d", OMNIFY_DB_ADMIN_URL: "postgres://o@h/d" };
    expect(readWorkerEnv(env)).toEqual(env);
  });
});
