import { createHash } from "node:crypto";
import { type ClientPlanMeter, sql, type Tx } from "@omnify/db";
import { DomainError } from "../errors";
import { formatUnitPrice, fromMicros, lineCents, toMicros } from "./money";

/** A calendar month in UTC: [start, end). */
export type Period = { start: Date; end: Date };

export function monthOf(at: Date): Period {
  const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  return { start, end: new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1)) };
}

export const previousMonth = (at: Date): Period =>
  monthOf(new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - 1, 1)));

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** One usage event behind a line, as the client's ledger holds it. */
export type TracedEvent = {
  id: string;
  source: string;
  meter: string;
  quantity: string;
  occurredAt: Date;
};

export type PlanForLines = {
  name: string;
  currency: string;
  baseFeeCents: number;
  markupPercent: string;
  meters: ClientPlanMeter[];
};

export type ComputedLine = {
  position: number;
  kind: "base" | "usage";
  meter: string | null;
  description: string;
  /** The meter's month total (its aggregation applied to the events). */
  quantity: string;
  includedQuantity: string;
  unitPrice: string;
  markupPercent: string;
  amountCents: number;
  events: TracedEvent[];
  /** sha-256 of the sorted event ids: the same events always give the same checksum. */
  eventsChecksum: string | null;
};

export type ComputedInvoice = {
  currency: string;
  lines: ComputedLine[];
  totalCents: number;
  /** The metered lines only (what the spend cap limits). */
  meteredCents: number;
};

/**
 * The client's events in the period for the plan's priced meters, read in the client's own
 * transaction (`tx` is a withTenant of the sub-account: RLS shows only its ledger).
 */
export async function periodEvents(
  tx: Tx,
  meters: readonly string[],
  period: Period,
): Promise<(TracedEvent & { aggregation: string; subject: string | null })[]> {
  if (meters.length === 0) return [];
  const rows = (await tx.execute(sql`
    select id, source, meter, quantity::text as quantity, occurred_at, aggregation, subject
    from usage_events
    where tenant_id = (select app.current_tenant())
      and meter in (select jsonb_array_elements_text(${JSON.stringify(meters)}::jsonb))
      and occurred_at >= ${period.start.toISOString()} and occurred_at < ${period.end.toISOString()}
    order by occurred_at, id`)) as unknown as {
    id: string;
    source: string;
    meter: string;
    quantity: string;
    occurred_at: string | Date;
    aggregation: string;
    subject: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    meter: r.meter,
    quantity: r.quantity,
    occurredAt: new Date(r.occurred_at),
    aggregation: r.aggregation,
    subject: r.subject,
  }));
}

/** A meter's month total with its aggregation (sum, count, max, unique), exact. */
function meterTotal(events: { quantity: string; aggregation: string; subject: string | null }[]) {
  const agg = events[0]?.aggregation ?? "sum";
  if (agg === "count") return BigInt(events.length) * 1_000_000n;
  if (agg === "unique") return BigInt(new Set(events.map((e) => e.subject)).size) * 1_000_000n;
  if (agg === "max") {
    let max = 0n;
    for (const e of events) {
      const q = toMicros(e.quantity);
      if (q > max) max = q;
    }
    return max;
  }
  return events.reduce((s, e) => s + toMicros(e.quantity), 0n);
}

export const eventsChecksum = (ids: readonly string[]) =>
  createHash("sha256")
    .update([...ids].sort().join("\n"))
    .digest("hex");

/** The part of the month a plan was in force: `num`/`den` of it, shown as `label`. */
type Share = { num: bigint; den: bigint; label: string };

type PricedEvent = TracedEvent & { aggregation: string; subject: string | null };

/** `value` × share, rounded half up (cents) or down (micros of included quantity). */
const shareOf = (value: bigint, share: Share | null, round: "half-up" | "down") => {
  if (!share) return value;
  return round === "half-up"
    ? (value * share.num * 2n + share.den) / (2n * share.den)
    : (value * share.num) / share.den;
};

/** The lines one plan gives for its events; `share` pro-rates the base fee and included usage. */
function planLines(
  plan: PlanForLines,
  events: readonly PricedEvent[],
  share: Share | null,
  firstPosition: number,
): ComputedLine[] {
  const lines: ComputedLine[] = [];
  const during = share ? ` (${share.label})` : "";
  const baseFeeCents = Number(shareOf(BigInt(plan.baseFeeCents), share, "half-up"));
  if (baseFeeCents > 0)
    lines.push({
      position: firstPosition,
      kind: "base",
      meter: null,
      description: `${plan.name}: monthly fee${during}`,
      quantity: "1",
      includedQuantity: "0",
      unitPrice: fromMicros(BigInt(baseFeeCents) * 10_000n),
      markupPercent: "0",
      amountCents: baseFeeCents,
      events: [],
      eventsChecksum: null,
    });
  for (const m of plan.meters) {
    const mine = events.filter((e) => e.meter === m.meter);
    if (mine.length === 0) continue;
    const total = meterTotal(mine);
    const included = shareOf(toMicros(m.includedQuantity), share, "down");
    const billable = total > included ? total - included : 0n;
    const amountCents = lineCents(fromMicros(billable), m.unitPrice, plan.markupPercent);
    const price = formatUnitPrice(m.unitPrice, plan.currency);
    lines.push({
      position: firstPosition + lines.length,
      kind: "usage",
      meter: m.meter,
      description: `${m.meter}: ${fromMicros(billable)} × ${price}${
        Number(plan.markupPercent) > 0 ? ` + ${plan.markupPercent}%` : ""
      }${included > 0n ? ` (${fromMicros(included)} included)` : ""}${during}`,
      quantity: fromMicros(total),
      includedQuantity: fromMicros(included),
      unitPrice: m.unitPrice,
      markupPercent: plan.markupPercent,
      amountCents,
      events: mine.map(({ id, source, meter, quantity, occurredAt }) => ({
        id,
        source,
        meter,
        quantity,
        occurredAt,
      })),
      eventsChecksum: eventsChecksum(mine.map((e) => e.id)),
    });
  }
  return lines;
}

function invoiceOf(currency: string, lines: ComputedLine[]): ComputedInvoice {
  const totalCents = lines.reduce((s, l) => s + l.amountCents, 0);
  const meteredCents = lines.reduce((s, l) => s + (l.kind === "usage" ? l.amountCents : 0), 0);
  return { currency, lines, totalCents, meteredCents };
}

/**
 * The invoice for one client on one plan for a whole period: the base fee line, then one line
 * per priced meter with usage: (total − included, at least 0) × unit price × (1 + markup),
 * with its events.
 */
export function computeInvoice(
  plan: PlanForLines,
  events: readonly PricedEvent[],
): ComputedInvoice {
  return invoiceOf(plan.currency, planLines(plan, events, null, 0));
}

/** One stretch of a month with the plan (at its prices then) in force, and its events. */
export type PlanSlice = { plan: PlanForLines; from: Date; to: Date; events: PricedEvent[] };

const days = (ms: bigint) =>
  fromMicros((ms * 1_000_000n) / 86_400_000n).replace(/(\.\d\d)\d+$/, "$1");

/**
 * The invoice for a month in which the client was on one or more plans (`slices`, in time
 * order, inside `month`). A slice covering the whole month bills exactly like
 * `computeInvoice`. A shorter one bills its plan's base fee and included quantities pro rata
 * by the time it covers (days, to the millisecond) and its own events at its own prices.
 * Null when there is no slice; a CONFLICT when the slices are in different currencies.
 */
export function computeMonthInvoice(
  month: Period,
  slices: readonly PlanSlice[],
): ComputedInvoice | null {
  const last = slices.at(-1);
  if (!last) return null;
  const currency = last.plan.currency;
  if (slices.some((s) => s.plan.currency !== currency))
    throw new DomainError(
      "CONFLICT",
      `The client's plans this month bill in different currencies (${[...new Set(slices.map((s) => s.plan.currency))].join(", ")})`,
      "currency",
    );
  const den = BigInt(month.end.getTime() - month.start.getTime());
  const lines: ComputedLine[] = [];
  for (const slice of slices) {
    const num = BigInt(slice.to.getTime() - slice.from.getTime());
    const share =
      num >= den
        ? null
        : {
            num,
            den,
            label: `${isoDay(slice.from)} to ${isoDay(new Date(slice.to.getTime() - 1))}, ${days(num)} of ${days(den)} days`,
          };
    lines.push(...planLines(slice.plan, slice.events, share, lines.length));
  }
  return invoiceOf(currency, lines);
}
