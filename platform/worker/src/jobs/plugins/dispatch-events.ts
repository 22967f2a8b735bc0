import {
  drainPluginEvents,
  listInstallationIndex,
  loadVersion,
  paymentEventSource,
  type QueuedPluginEvent,
  tenantsWithPluginEvents,
} from "@omnify/core";
import type { Tx } from "@omnify/db";
import type { JobContext } from "../define-job";

export const DISPATCH_QUEUE = "plugin-dispatch";
export type DispatchData = {
  tenantId: string;
  pluginId: string;
  eventId: string;
  type: string;
  payload: unknown;
};

/** Enabled installations of the tenant whose installed version subscribes to each type. */
async function subscribers(tx: Tx, enabled: Array<{ pluginId: string; version: string }>) {
  const byType = new Map<string, string[]>();
  for (const i of enabled) {
    const v = await loadVersion(tx, i.pluginId, i.version);
    for (const type of v.manifest.capabilities.events?.subscribe ?? []) {
      byType.set(type, [...(byType.get(type) ?? []), i.pluginId]);
    }
  }
  return byType;
}

/**
 * Drains the durable outbox: each event becomes one `plugin-dispatch` job per subscribed,
 * enabled installation (never back to the plugin that emitted it). The pg-boss sends happen
 * before the outbox rows are deleted, and their singleton key (event, plugin) absorbs the
 * duplicates a crash between the two would cause.
 */
export async function dispatchPluginEvents(ctx: Omit<JobContext, "jobId">): Promise<number> {
  const index = await listInstallationIndex(ctx.db);
  let sent = 0;
  for (const tenantId of await tenantsWithPluginEvents(ctx.db)) {
    const enabled = index.filter((i) => i.tenantId === tenantId && i.status === "enabled");
    await drainPluginEvents(ctx.db, tenantId, async (tx, events: QueuedPluginEvent[]) => {
      const subs = await subscribers(tx, enabled);
      for (const e of events) {
        for (const pluginId of subs.get(e.type) ?? []) {
          if (e.source === `plugin:${pluginId}`) continue;
          // Payment events go to the plugin that took the payment, and only core writes them.
          if (e.type.startsWith("payments.") && e.source !== paymentEventSource(pluginId)) continue;
          const data: DispatchData = {
            tenantId,
            pluginId,
            eventId: e.id,
            type: e.type,
            payload: e.payload,
          };
          await ctx.boss.send(DISPATCH_QUEUE, data, { singletonKey: `${e.id}:${pluginId}` });
          sent++;
        }
      }
    });
  }
  return sent;
}
