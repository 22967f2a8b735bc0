import { catalogVersions, listInstallationIndex, loadVersion } from "@omnify/core";
import { type PluginJobData, pluginQueueName } from "@omnify/plugin-runtime/client";
import type { PgBoss } from "pg-boss";
import type { JobContext } from "../define-job";
import { DEFAULT_RETENTION } from "../define-job";

/** Plugin job queues this process already works, so a sync does not add a second worker. */
const working = new WeakMap<PgBoss, Set<string>>();

/**
 * Runs one plugin job in the runtime. A job whose installation is no longer enabled is
 * dropped (completes) instead of retried: the tenant turned the plugin off.
 */
async function runPluginJob(ctx: Omit<JobContext, "jobId">, data: PluginJobData) {
  if (!ctx.plugins) throw new Error("the plugin runtime is not configured for this worker");
  const result = await ctx.plugins.invoke({
    tenantId: data.tenantId,
    pluginId: data.pluginId,
    kind: "job",
    name: data.jobId,
    input: data.payload,
  });
  if (result.ok) return result.value;
  if (result.error.code === "not_enabled") {
    ctx.log.warn(
      `[worker] dropped ${data.pluginId}.${data.jobId} for ${data.tenantId}: not enabled`,
    );
    return null;
  }
  throw new Error(`${data.pluginId}.${data.jobId}: ${result.error.code}: ${result.error.message}`);
}

/**
 * Makes the worker consume every plugin job queue in the catalog (`plugin.<id>.<job>`) and
 * keeps pg-boss cron schedules equal to the schedules of ENABLED installations: one schedule
 * per (queue, tenant), keyed by tenant, removed when the installation is not enabled.
 */
export async function syncPluginQueues(ctx: Omit<JobContext, "jobId">) {
  const { boss, db } = ctx;
  const seen = working.get(boss) ?? new Set<string>();
  working.set(boss, seen);
  const versions = await db.withoutTenant((tx) => catalogVersions(tx));
  for (const v of versions) {
    for (const jobId of v.manifest.handlers.jobs) {
      const queue = pluginQueueName(v.pluginId, jobId);
      if (seen.has(queue)) continue;
      await boss.createQueue(queue, { ...DEFAULT_RETENTION, retryLimit: 3, retryDelay: 30 });
      await boss.work<PluginJobData>(queue, { batchSize: 1 }, async ([job]) =>
        job ? runPluginJob(ctx, job.data) : undefined,
      );
      seen.add(queue);
    }
  }

  const wanted = new Map<
    string,
    { queue: string; key: string; cron: string; tz: string; data: PluginJobData }
  >();
  for (const i of await listInstallationIndex(db)) {
    if (i.status !== "enabled") continue;
    const v = await db.withTenant(i.tenantId, (tx) => loadVersion(tx, i.pluginId, i.version));
    for (const s of v.manifest.capabilities.schedules ?? []) {
      const queue = pluginQueueName(i.pluginId, s.id);
      // pg-boss keys allow letters, digits, `_ - . /`; job ids may hold `:`.
      const key = `${i.tenantId}/${s.id.replaceAll(":", "/")}`;
      const data = {
        tenantId: i.tenantId,
        pluginId: i.pluginId,
        jobId: s.id,
        payload: { schedule: s.id },
      };
      wanted.set(`${queue}|${key}`, { queue, key, cron: s.cron, tz: s.timezone ?? "UTC", data });
    }
  }
  const existing = (await boss.getSchedules()).filter((s) => s.name.startsWith("plugin."));
  for (const s of existing) {
    if (!wanted.has(`${s.name}|${s.key}`)) await boss.unschedule(s.name, s.key);
  }
  for (const w of wanted.values()) {
    const same = existing.find((s) => s.name === w.queue && s.key === w.key);
    if (same && same.cron === w.cron && same.timezone === w.tz) continue;
    await boss.createQueue(w.queue, { ...DEFAULT_RETENTION, retryLimit: 3, retryDelay: 30 });
    await boss.schedule(w.queue, w.cron, w.data, { tz: w.tz, key: w.key });
  }
  return { queues: seen.size, schedules: wanted.size };
}
