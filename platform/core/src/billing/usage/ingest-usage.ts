import { sql, type Tx } from "@omnify/db";
import { badInput } from "../../errors";
import { assertWithinSpendCap } from "../../rebilling/spend";
import { type Aggregation, type MeterDefinition, metersForSource } from "./meters";
import { enforceQuotas, type MonthTotal } from "./quotas";

export type UsageEventInput = {
  meter: string;
  /** 'core' or 'plugin:<id>'. */
  source: string;
  /** A finite number ≥ 0; `count` meters count events and ignore it. */
  quantity: number;
  /** Retries with the same key (per tenant, source and meter) are absorbed. */
  idempotencyKey: string;
  occurredAt?: Date;
  /** What a `unique` meter counts distinct values of (e.g. a user id); defaults to the key. */
  subject?: string;
};

export type UsageIngestResult = { recorded: number; duplicates: number };

/** Events per statement; larger batches are split so one statement stays bounded. */
export const INGEST_BATCH = 5_000;

type Row = {
  i: number;
  meter: string;
  source: string;
  quantity: number;
  key: string;
  at: string;
  subject: string | null;
  agg: Aggregation;
};

/**
 * The one way usage enters the ledger (core code and plugins' `meter()` alike), for the
 * transaction's tenant. Validates every event first (an error names `events[i].<field>` and
 * nothing is written), inserts each batch in one statement that skips duplicate idempotency
 * keys and bumps the month's totals, then enforces the monthly quotas and records alerts.
 */
export async function ingestUsage(
  tx: Tx,
  events: readonly UsageEventInput[],
  opts: { now?: Date } = {},
): Promise<UsageIngestResult> {
  const now = opts.now ?? new Date();
  const tenantId = await currentTenant(tx);
  const rows = await validate(tx, tenantId, events, now);
  // A rebilled client at its agency's spend cap records nothing (see rebilling/spend.ts).
  if (rows.length > 0) await assertWithinSpendCap(tx, [...new Set(rows.map((r) => r.meter))], now);
  let recorded = 0;
  const totals: MonthTotal[] = [];
  for (let start = 0; start < rows.length; start += INGEST_BATCH) {
    const r = await insertBatch(tx, rows.slice(start, start + INGEST_BATCH));
    recorded += r.recorded;
    totals.push(...r.totals);
  }
  if (totals.length > 0) await enforceQuotas(tx, tenantId, totals, now);
  return { recorded, duplicates: rows.length - recorded };
}

async function currentTenant(tx: Tx): Promise<string> {
  const [row] = (await tx.execute(sql`select app.current_tenant() as id`)) as unknown as {
    id: string | null;
  }[];
  if (!row?.id) throw new Error("ingestUsage needs a tenant transaction (withTenant)");
  return row.id;
}

const KEY_MAX = 200;
const SUBJECT_MAX = 200;
const MAX_SKEW_MS = 5 * 60_000;

async function validate(
  tx: Tx,
  tenantId: string,
  events: readonly UsageEventInput[],
  now: Date,
): Promise<Row[]> {
  const bySource = new Map<string, Map<string, MeterDefinition>>();
  const rows: Row[] = [];
  for (const [i, e] of events.entries()) {
    const at = `events[${i}]`;
    if (typeof e.source !== "string") throw badInput(`${at}.source`, "is required");
    let meters = bySource.get(e.source);
    if (!meters) {
      meters = await metersForSource(tx, tenantId, e.source, `${at}.source`);
      bySource.set(e.source, meters);
    }
    const meter = meters.get(e.meter);
    if (!meter)
      throw badInput(
        `${at}.meter`,
        e.source === "core"
          ? `"${e.meter}" is not a core meter (${[...meters.keys()].join(", ")})`
          : `"${e.meter}" is not declared in ${e.source.slice(7)}'s capabilities.meters`,
      );
    if (typeof e.quantity !== "number" || !Number.isFinite(e.quantity) || e.quantity < 0)
      throw badInput(
        `${at}.quantity`,
        `must be a finite number of at least 0, got ${String(e.quantity)}`,
      );
    if (
      typeof e.idempotencyKey !== "string" ||
      !e.idempotencyKey ||
      e.idempotencyKey.length > KEY_MAX
    )
      throw badInput(`${at}.idempotencyKey`, `must be 1 to ${KEY_MAX} characters`);
    const occurred = e.occurredAt ?? now;
    if (!(occurred instanceof Date) || Number.isNaN(occurred.getTime()))
      throw badInput(`${at}.occurredAt`, "must be a valid date");
    if (occurred.getTime() > now.getTime() + MAX_SKEW_MS)
      throw badInput(`${at}.occurredAt`, "must not be in the future");
    if (
      e.subject !== undefined &&
      (typeof e.subject !== "string" || e.subject.length > SUBJECT_MAX)
    )
      throw badInput(`${at}.subject`, `must be a string of at most ${SUBJECT_MAX} characters`);
    rows.push({
      i,
      meter: meter.name,
      source: e.source,
      quantity: meter.aggregation === "count" ? 1 : e.quantity,
      key: e.idempotencyKey,
      at: occurred.toISOString(),
      subject:
        meter.aggregation === "unique" ? (e.subject ?? e.idempotencyKey) : (e.subject ?? null),
      agg: meter.aggregation,
    });
  }
  return rows;
}

/**
 * One statement per batch: the rows travel as one JSON parameter, duplicates are skipped by
 * the idempotency key, and only the rows actually inserted add to `usage_monthly`.
 */
async function insertBatch(
  tx: Tx,
  rows: Row[],
): Promise<{ recorded: number; totals: MonthTotal[] }> {
  const [result] = (await tx.execute(sql`
    with input as (
      select * from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(i int, meter text, source text, quantity numeric, key text, at timestamptz,
             subject text, agg text)
    ), ins as (
      insert into usage_events
        (tenant_id, meter, source, quantity, idempotency_key, occurred_at, subject, aggregation)
      select (select app.current_tenant()), meter, source, quantity, key, at, subject, agg
      from input order by i
      on conflict do nothing
      returning meter, source, quantity, occurred_at, aggregation
    ), added as (
      select source, meter, date_trunc('month', occurred_at at time zone 'UTC')::date as month,
        sum(quantity) as added, count(*) as n
      from ins where aggregation in ('sum', 'count') group by 1, 2, 3
    ), up as (
      insert into usage_monthly as m (tenant_id, source, meter, month, total, events)
      select (select app.current_tenant()), source, meter, month, added, n from added
      on conflict (tenant_id, source, meter, month) do update
        set total = m.total + excluded.total, events = m.events + excluded.events
      returning m.source, m.meter, m.month, m.total
    )
    select (select count(*) from ins)::int as recorded,
      coalesce((select json_agg(json_build_object(
        'source', up.source, 'meter', up.meter, 'month', up.month,
        'total', up.total, 'added', added.added))
        from up join added using (source, meter, month)), '[]'::json) as totals
  `)) as unknown as { recorded: number; totals: MonthTotal[] }[];
  return {
    recorded: result?.recorded ?? 0,
    totals: (result?.totals ?? []).map((t) => ({
      ...t,
      total: Number(t.total),
      added: Number(t.added),
    })),
  };
}
