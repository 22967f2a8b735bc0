import { emitTenantEvent } from "@omnify/core";
import { createPluginRuntimeClient } from "@omnify/plugin-runtime/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupRuntimeWorld } from "../../plugin-runtime/test/world";
import { pluginEventsJob } from "../src/jobs/plugin-events";
import { pluginPurgeJob } from "../src/jobs/plugin-purge";
import { pluginSyncJob } from "../src/jobs/plugin-sync";
import { startPluginWork } from "../src/jobs/plugins/start-plugin-work";
import { runJobNow } from "../src/run-job";
import { createWorker, type Worker } from "../src/worker";

const s = setupRuntimeWorld();
let worker: Worker;
const log = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  worker = createWorker({
    adminUrl: s.t.adminUrl,
    db: s.t.app,
    log,
    pollingIntervalSeconds: 0.5,
    schedule: false,
    plugins: createPluginRuntimeClient({ url: s.runtime.url, token: s.runtime.token }),
    afterStart: startPluginWork,
  });
  await worker.start();
});
afterAll(() => worker?.stop());

/** Polls pg-boss until a job in `queue` matching `pick` reaches a terminal state. */
async function finished(queue: string, pick: (data: Record<string, unknown>) => boolean) {
  for (let i = 0; i < 200; i++) {
    const jobs = await worker.boss.findJobs<Record<string, unknown>>(queue);
    const job = jobs.find((j) => pick(j.data) && ["completed", "failed"].includes(j.state));
    if (job) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no finished job in ${queue}`);
}

describe("plugin jobs in the worker", () => {
  it("schedules cron per enabled installation, keyed by tenant, and drops it when disabled", async () => {
    const schedules = async () =>
      (await worker.boss.getSchedules())
        .filter((x) => x.name.startsWith("plugin."))
        .map((x) => [x.name, x.key]);
    expect(await schedules()).toEqual([["plugin.rt-echo.tick", `${s.w.alpha}/tick`]]);
    await s.t.admin`update plugin_installations set status = 'disabled'`;
    await runJobNow(worker, pluginSyncJob.id, {});
    expect(await schedules()).toEqual([]);
    await s.t.admin`update plugin_installations set status = 'enabled'`;
    await runJobNow(worker, pluginSyncJob.id, {});
    expect(await schedules()).toHaveLength(1);
  });

  it("runs jobs a plugin enqueued, through the runtime, for the enqueuing tenant", async () => {
    const client = createPluginRuntimeClient({ url: s.runtime.url, token: s.runtime.token });
    const sent = await client.invoke({
      tenantId: s.w.alpha,
      pluginId: "rt-echo",
      kind: "procedure",
      name: "enqueue",
    });
    expect(sent.ok).toBe(true);
    const job = await finished("plugin.rt-echo.tick", (d) => d.tenantId === s.w.alpha);
    expect(job.state).toBe("completed");
    expect(job.output).toEqual({ ticked: { from: "procedure" } });
  });

  it("delivers core events from the durable outbox to subscribed installations", async () => {
    await s.t.app.withTenant(s.w.alpha, (tx) =>
      emitTenantEvent(tx, "member.joined", { userId: "u-42" }),
    );
    await runJobNow(worker, pluginEventsJob.id, {});
    const job = await finished("plugin-dispatch", (d) => d.type === "member.joined");
    expect(job.state).toBe("completed");
    expect(job.data).toMatchObject({ tenantId: s.w.alpha, pluginId: "rt-echo" });
    expect(job.output).toEqual({ delivered: true });
    expect(await s.t.admin`select 1 from plugin_events where type = 'member.joined'`).toHaveLength(
      0,
    );
  });

  it("purges an uninstalled plugin's rows and installation after the grace period", async () => {
    const client = createPluginRuntimeClient({ url: s.runtime.url, token: s.runtime.token });
    await client.invoke({
      tenantId: s.w.alpha,
      pluginId: "rt-echo",
      kind: "procedure",
      name: "note",
      input: { body: "x" },
    });
    await s.t
      .admin`update plugin_installations set status = 'uninstalled', uninstalled_at = now() - interval '40 days'`;
    const outcome = await runJobNow(worker, pluginPurgeJob.id, {});
    expect(outcome.state).toBe("completed");
    expect(await s.t.admin`select 1 from plugin_installations`).toHaveLength(0);
    expect(await s.t.admin`select 1 from plugin_rt_echo.notes`).toHaveLength(0);
  });
});
