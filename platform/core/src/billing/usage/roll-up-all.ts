import { type AppDatabase, sql } from "@omnify/db";
import { type RollupPeriod, rollUpUsage } from "./roll-up";

/** The ids of every tenant, for system jobs that then act inside each one (RLS holds). */
export async function allTenantIds(db: AppDatabase): Promise<string[]> {
  const rows = await db.withoutTenant((tx) =>
    tx.execute<{ id: string }>(sql`select id from app.tenant_ids()`),
  );
  return rows.map((r) => r.id);
}

/** The roll-up job: every tenant, one withTenant transaction each. */
export async function rollUpAllTenants(
  db: AppDatabase,
  period: RollupPeriod,
  now = new Date(),
): Promise<{ tenants: number; buckets: number; changed: number }> {
  let buckets = 0;
  let changed = 0;
  const ids = await allTenantIds(db);
  for (const id of ids) {
    const r = await db.withTenant(id, (tx) => rollUpUsage(tx, period, now));
    buckets += r.buckets;
    changed += r.changed;
  }
  return { tenants: ids.length, buckets, changed };
}
