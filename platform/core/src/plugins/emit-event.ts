import { pluginEvents, sql, type Tx } from "@omnify/db";
import { publishTenantEvent } from "../realtime/publish";

/** Handlers that emit in reaction to events stop being fed after this many hops. */
export const MAX_EVENT_HOPS = 4;

export type EventOrigin = { source?: string; hops?: number };

/**
 * Queues an event for the plugins of the transaction's tenant in the durable outbox
 * (`plugin_events`): it exists if and only if the transaction commits, and the worker turns
 * it into one dispatch job per subscribed installation even if it was down at the time.
 */
export async function queuePluginEvent(
  tx: Tx,
  type: string,
  payload: unknown,
  origin: EventOrigin = {},
): Promise<void> {
  const hops = origin.hops ?? 0;
  if (hops > MAX_EVENT_HOPS) return;
  await tx.insert(pluginEvents).values({
    // The tenant comes from the transaction, like publishTenantEvent's, never the caller.
    tenantId: sql`(select app.current_tenant())`,
    type,
    payload: payload ?? null,
    source: origin.source ?? "core",
    hops,
  });
  // Wakes the worker's dispatcher when (and only if) this transaction commits.
  await tx.execute(sql`select pg_notify('omnify_plugin_events', '')`);
}

/** A core domain event: to the browsers of the tenant (realtime) and to its plugins. */
export async function emitTenantEvent(
  tx: Tx,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  await publishTenantEvent(tx, type, data);
  await queuePluginEvent(tx, type, data);
}
