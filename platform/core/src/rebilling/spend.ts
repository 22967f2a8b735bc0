import { sql, type Tx } from "@omnify/db";
import { DomainError } from "../errors";
import { monthOf, type PlanForLines } from "./lines";
import { formatCents, fromMicros, lineCents, plainDecimal, toMicros } from "./money";

export type ClientPlanState = {
  agencyName: string;
  clientName: string;
  planId: string;
  plan: PlanForLines;
  /** Cap on the month's metered spend in cents; null = no cap. */
  spendCapCents: number | null;
};

/**
 * The client's plan and cap as its agency set them, read in the client's own transaction
 * (the client may read its billing row and the plan on it; the agency's name comes from a
 * definer function). Null when the agency does not rebill this client.
 */
export async function clientPlanState(tx: Tx): Promise<ClientPlanState | null> {
  const [row] = (await tx.execute(sql`
    select b.plan_id, b.spend_cap_cents, p.name, p.currency, p.base_fee_cents,
      p.markup_percent::text as markup_percent, p.meters,
      (select t.name from tenants t where t.id = (select app.current_tenant())) as client_name,
      app.parent_agency_name() as agency_name
    from client_billing b join client_plans p on p.id = b.plan_id
    where b.subaccount_id = (select app.current_tenant())`)) as unknown as {
    plan_id: string;
    spend_cap_cents: number | null;
    name: string;
    currency: string;
    base_fee_cents: number;
    markup_percent: string;
    meters: PlanForLines["meters"];
    client_name: string;
    agency_name: string | null;
  }[];
  if (!row) return null;
  return {
    agencyName: row.agency_name ?? "your agency",
    clientName: row.client_name,
    planId: row.plan_id,
    plan: {
      name: row.name,
      currency: row.currency,
      baseFeeCents: row.base_fee_cents,
      markupPercent: plainDecimal(row.markup_percent),
      meters: row.meters,
    },
    spendCapCents: row.spend_cap_cents,
  };
}

/**
 * The month's metered spend in cents (markup included, base fee not), from the month totals
 * the ingest keeps (`sum`/`count` meters) and the events themselves for `max`/`unique`.
 */
export async function meteredSpendCents(
  tx: Tx,
  plan: PlanForLines,
  now = new Date(),
): Promise<number> {
  if (plan.meters.length === 0) return 0;
  const { start, end } = monthOf(now);
  const meters = JSON.stringify(plan.meters.map((m) => m.meter));
  const rows = (await tx.execute(sql`
    with priced as (select jsonb_array_elements_text(${meters}::jsonb) as meter)
    select m.meter, sum(m.total)::text as total from usage_monthly m
      where m.tenant_id = (select app.current_tenant()) and m.month = ${start.toISOString().slice(0, 10)}
        and m.meter in (select meter from priced)
      group by m.meter
    union all
    select e.meter, (case when min(e.aggregation) = 'max' then max(e.quantity)
                          else count(distinct e.subject) end)::text
      from usage_events e
      where e.tenant_id = (select app.current_tenant()) and e.aggregation in ('max', 'unique')
        and e.meter in (select meter from priced)
        and e.occurred_at >= ${start.toISOString()} and e.occurred_at < ${end.toISOString()}
      group by e.meter`)) as unknown as { meter: string; total: string }[];
  const totals = new Map<string, bigint>();
  for (const r of rows) totals.set(r.meter, (totals.get(r.meter) ?? 0n) + toMicros(r.total));
  let cents = 0;
  for (const m of plan.meters) {
    const total = totals.get(m.meter) ?? 0n;
    const billable = total - toMicros(m.includedQuantity);
    if (billable > 0n) cents += lineCents(fromMicros(billable), m.unitPrice, plan.markupPercent);
  }
  return cents;
}

export type SpendState = {
  spentCents: number;
  spendCapCents: number | null;
  capReached: boolean;
  currency: string;
};

export async function spendState(tx: Tx, state: ClientPlanState, now = new Date()) {
  const spentCents = await meteredSpendCents(tx, state.plan, now);
  return {
    spentCents,
    spendCapCents: state.spendCapCents,
    capReached: state.spendCapCents !== null && spentCents >= state.spendCapCents,
    currency: state.plan.currency,
  } satisfies SpendState;
}

/** "Spend cap reached: Acme has used $50.00 of its $50.00 monthly cap. Ask Northwind to raise it." */
export function spendCapMessage(state: ClientPlanState, spentCents: number): string {
  const cap = state.spendCapCents ?? 0;
  const c = state.plan.currency;
  return `Spend cap reached: ${state.clientName} has used ${formatCents(spentCents, c)} of its ${formatCents(cap, c)} monthly cap. Ask ${state.agencyName} to raise it.`;
}

/**
 * Called by the usage ingest before anything is recorded: when the transaction's tenant is a
 * rebilled client whose month-to-date metered spend has reached its cap, usage of a priced
 * meter is refused (RATE_LIMITED, field `spendCap`) and nothing is written. Unpriced meters
 * cost the client nothing and pass.
 */
export async function assertWithinSpendCap(
  tx: Tx,
  meters: readonly string[],
  now = new Date(),
): Promise<void> {
  const state = await clientPlanState(tx);
  if (!state || state.spendCapCents === null) return;
  if (!state.plan.meters.some((m) => meters.includes(m.meter))) return;
  // One capped ingest at a time per client (held to commit): a batch waits for the one before
  // it and sees its usage, so concurrent batches overshoot the cap by at most one batch.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended('spend-cap:' || app.current_tenant()::text, 0))`,
  );
  const spent = await meteredSpendCents(tx, state.plan, now);
  if (spent >= state.spendCapCents)
    throw new DomainError("RATE_LIMITED", spendCapMessage(state, spent), "spendCap");
}
