import { randomUUID } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { usageRollupDailyJob, usageRollupHourlyJob } from "../src/jobs/usage-rollup";
import { usageAlertMailsJob } from "../src/jobs/usage-stripe";
import { runJobNow } from "../src/run-job";
import type { Worker } from "../src/worker";
import { createTestWorker } from "./support";

let t: TestDatabase;
let worker: Worker;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ worker } = createTestWorker(t));
  await worker.start();
});
afterAll(async () => {
  await worker?.stop();
  await t?.drop();
});

describe("usage jobs through real pg-boss", () => {
  it("roll up closed hours and days for every tenant, and a re-run changes nothing", async () => {
    const tenantId = randomUUID();
    await t.admin`insert into tenants (id, kind, slug, name, theme_id)
      values (${tenantId}, 'agency', ${`u-${tenantId.slice(0, 8)}`}, 'U', 'aurora')`;
    const at = new Date(Date.now() - 2 * 86_400_000);
    await t.admin`insert into usage_events (tenant_id, meter, source, quantity, idempotency_key, occurred_at)
      values (${tenantId}, 'ai.tokens', 'core', 40, 'k1', ${at}), (${tenantId}, 'ai.tokens', 'core', 2, 'k2', ${at})`;
    for (const job of [usageRollupHourlyJob, usageRollupDailyJob]) {
      const outcome = await runJobNow(worker, job.id, {
        period: job === usageRollupHourlyJob ? "hour" : "day",
      });
      expect(outcome.state).toBe("completed");
    }
    const rows = await t.admin`select period, value::int as value from usage_rollups
      where tenant_id = ${tenantId} order by period`;
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ["day", 42],
      ["hour", 42],
    ]);
    const again = await runJobNow(worker, usageRollupHourlyJob.id, { period: "hour" });
    expect(again.state).toBe("completed");
    expect((again.output as { changed: number }).changed).toBe(0);
  });

  it("runs the alert mail job (nothing pending: nothing sent)", async () => {
    const outcome = await runJobNow(worker, usageAlertMailsJob.id, {});
    expect(outcome.state).toBe("completed");
    expect(outcome.output).toEqual({ sent: 0 });
  });
});
