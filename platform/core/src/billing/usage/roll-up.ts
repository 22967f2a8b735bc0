import { sql, type Tx } from "@omnify/db";

export type RollupPeriod = "hour" | "day";

export type RollupResult = { buckets: number; changed: number; closedUntil: Date };

/** Events ingested this long before the previous run are looked at again (commit lag). */
export const LATE_OVERLAP_MS = 10 * 60_000;

const step: Record<RollupPeriod, string> = { hour: "1 hour", day: "1 day" };

/** Start of the `period` containing `at`, in UTC. */
export function bucketStart(period: RollupPeriod, at: Date): Date {
  const d = new Date(at);
  d.setUTCMinutes(0, 0, 0);
  if (period === "day") d.setUTCHours(0);
  return d;
}

/**
 * Rolls the transaction's tenant's closed buckets up: every bucket closed since the last run
 * (catch-up after downtime included), plus any earlier bucket that received late events since
 * then. Each bucket is recomputed from the events with the meter's aggregation and upserted;
 * an unchanged value is not rewritten, so running again changes nothing.
 */
export async function rollUpUsage(
  tx: Tx,
  period: RollupPeriod,
  now = new Date(),
): Promise<RollupResult> {
  const closedUntil = bucketStart(period, now);
  const [state] = (await tx.execute(sql`
    select closed_until, last_run_at from usage_rollup_state where period = ${period} for update`)) as unknown as {
    closed_until: string | Date;
    last_run_at: string | Date;
  }[];
  const since = state ? new Date(state.closed_until) : new Date(0);
  const lateSince = state
    ? new Date(new Date(state.last_run_at).getTime() - LATE_OVERLAP_MS)
    : new Date(0);
  const unit = period;
  const width = step[period];
  const [result] = (await tx.execute(sql`
    with touched as (
      select distinct source, meter, date_trunc(${unit}, occurred_at, 'UTC') as b
      from usage_events
      where occurred_at < ${closedUntil.toISOString()}::timestamptz
        and (occurred_at >= ${since.toISOString()}::timestamptz
             or ingested_at >= ${lateSince.toISOString()}::timestamptz)
    ), agg as (
      select t.source, t.meter, t.b, max(e.aggregation) as aggregation,
        case max(e.aggregation)
          when 'sum' then sum(e.quantity)
          when 'count' then count(*)::numeric
          when 'max' then max(e.quantity)
          else count(distinct e.subject)::numeric
        end as value,
        count(*)::int as events
      from touched t
      join usage_events e on e.source = t.source and e.meter = t.meter
        and e.occurred_at >= t.b and e.occurred_at < t.b + ${width}::interval
      group by t.source, t.meter, t.b
    ), up as (
      insert into usage_rollups as r
        (tenant_id, period, source, meter, bucket_start, aggregation, value, events)
      select (select app.current_tenant()), ${period}, source, meter, b, aggregation, value, events
      from agg
      on conflict (tenant_id, period, source, meter, bucket_start) do update
        set value = excluded.value, events = excluded.events,
            aggregation = excluded.aggregation, computed_at = now()
        where (r.value, r.events, r.aggregation)
          is distinct from (excluded.value, excluded.events, excluded.aggregation)
      returning 1
    )
    select (select count(*) from agg)::int as buckets, (select count(*) from up)::int as changed
  `)) as unknown as { buckets: number; changed: number }[];
  await tx.execute(sql`
    insert into usage_rollup_state as s (tenant_id, period, closed_until, last_run_at)
    values ((select app.current_tenant()), ${period}, ${closedUntil.toISOString()}, ${now.toISOString()})
    on conflict (tenant_id, period) do update
      set closed_until = greatest(s.closed_until, excluded.closed_until),
          last_run_at = excluded.last_run_at`);
  return { buckets: result?.buckets ?? 0, changed: result?.changed ?? 0, closedUntil };
}
