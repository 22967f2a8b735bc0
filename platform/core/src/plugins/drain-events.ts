import { type AppDatabase, asc, inArray, pluginEvents, sql, type Tx } from "@omnify/db";

export type QueuedPluginEvent = {
  id: string;
  tenantId: string;
  type: string;
  payload: unknown;
  source: string;
  hops: number;
};

/** Tenants with events waiting in the outbox (SECURITY DEFINER: ids only). */
export async function tenantsWithPluginEvents(db: AppDatabase): Promise<string[]> {
  const rows = await db.withoutTenant((tx) =>
    tx.execute<{ tenant_id: string }>(sql`select tenant_id from app.plugin_event_tenants()`),
  );
  return rows.map((r) => r.tenant_id);
}

/**
 * Takes up to `limit` of a tenant's oldest outbox events and hands them to `dispatch` in the
 * same transaction; they are deleted only if `dispatch` succeeds, so a crash re-delivers
 * (at least once). SKIP LOCKED lets several workers drain one tenant without waiting.
 */
export async function drainPluginEvents(
  db: AppDatabase,
  tenantId: string,
  dispatch: (tx: Tx, events: QueuedPluginEvent[]) => Promise<void>,
  limit = 100,
): Promise<number> {
  return db.withTenant(tenantId, async (tx) => {
    const events = await tx
      .select()
      .from(pluginEvents)
      .orderBy(asc(pluginEvents.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (events.length === 0) return 0;
    await dispatch(tx, events);
    await tx.delete(pluginEvents).where(
      inArray(
        pluginEvents.id,
        events.map((e) => e.id),
      ),
    );
    return events.length;
  });
}
