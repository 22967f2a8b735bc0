import type { JobContext } from "../define-job";
import { pluginEventsJob } from "../plugin-events";
import { syncPluginQueues } from "./plugin-queues";

/** The channels a committed tenant change NOTIFYs on (realtime events and the plugin outbox). */
const NUDGES = ["omnify_events", "omnify_plugin_events"];

/**
 * At worker start: consume plugin queues now rather than at the next cron tick, and drain
 * the event outbox as soon as a transaction that wrote to it commits (throttled to one run
 * a second; the minute cron catches anything a dropped LISTEN connection missed).
 */
export async function startPluginWork(ctx: Omit<JobContext, "jobId">) {
  await syncPluginQueues(ctx);
  const nudge = () =>
    void ctx.boss
      .sendThrottled(pluginEventsJob.id, {}, null, 1)
      .catch((error) => ctx.log.warn(`[worker] plugin-events nudge failed: ${String(error)}`));
  for (const channel of NUDGES) await ctx.db.listen(channel, nudge);
}
