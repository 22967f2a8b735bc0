import {
  and,
  asc,
  type ClientPlanSnapshot,
  clientPlanPeriods,
  eq,
  gt,
  gte,
  isNull,
  lt,
  or,
  type Tx,
} from "@omnify/db";
import { badInput } from "../errors";
import { monthOf, type Period, type PlanForLines } from "./lines";
import { plainDecimal } from "./money";

/** What a period keeps of a plan: everything that prices or names its lines. */
export const snapshotOf = (plan: PlanForLines): ClientPlanSnapshot => ({
  name: plan.name,
  currency: plan.currency,
  baseFeeCents: plan.baseFeeCents,
  markupPercent: plainDecimal(plan.markupPercent),
  meters: plan.meters.map((m) => ({
    meter: m.meter,
    unitPrice: plainDecimal(m.unitPrice),
    includedQuantity: plainDecimal(m.includedQuantity),
  })),
});

export const sameSnapshot = (a: ClientPlanSnapshot, b: ClientPlanSnapshot) =>
  JSON.stringify(snapshotOf(a)) === JSON.stringify(snapshotOf(b));

/** One stretch of `month` with the plan in force then (its period clipped to the month). */
export type MonthPlan = { planId: string; plan: PlanForLines; from: Date; to: Date };

/**
 * The client's plan periods overlapping `month`, clipped to it, oldest first; an open period
 * runs to the month's end. `tx`: the agency's or the client's own (RLS shows either its rows).
 */
export async function monthPlans(tx: Tx, subaccountId: string, month: Period) {
  const rows = await tx
    .select({
      planId: clientPlanPeriods.planId,
      plan: clientPlanPeriods.plan,
      from: clientPlanPeriods.effectiveFrom,
      to: clientPlanPeriods.effectiveTo,
    })
    .from(clientPlanPeriods)
    .where(
      and(
        eq(clientPlanPeriods.subaccountId, subaccountId),
        lt(clientPlanPeriods.effectiveFrom, month.end),
        or(isNull(clientPlanPeriods.effectiveTo), gt(clientPlanPeriods.effectiveTo, month.start)),
      ),
    )
    .orderBy(asc(clientPlanPeriods.effectiveFrom));
  return rows.map(
    (r): MonthPlan => ({
      planId: r.planId,
      plan: snapshotOf(r.plan),
      from: new Date(Math.max(r.from.getTime(), month.start.getTime())),
      to: new Date(Math.min(r.to?.getTime() ?? Infinity, month.end.getTime())),
    }),
  );
}

/**
 * Ends the client's open period at `at` and, unless `next` is null (detach), opens one on
 * `next` from `at`, in the caller's transaction (the agency's). A period that would end
 * before it began never applied and is removed. `at` is now in production; it must not be
 * earlier than the client's last change. A client is billed in one currency per month:
 * a plan in another currency than this month's earlier periods is refused (BAD_INPUT, `field`).
 */
export async function switchPlanPeriod(
  tx: Tx,
  agencyId: string,
  subaccountId: string,
  next: { planId: string; plan: PlanForLines } | null,
  at: Date,
  field = "planId",
): Promise<void> {
  if (next) {
    const earlier = await monthPlans(tx, subaccountId, { start: monthOf(at).start, end: at });
    const other = earlier.find((p) => p.plan.currency !== next.plan.currency);
    if (other)
      throw badInput(
        field,
        `This client is billed in ${other.plan.currency.toUpperCase()} this month; a plan in ${next.plan.currency.toUpperCase()} can take effect from next month`,
      );
  }
  const open = and(
    eq(clientPlanPeriods.subaccountId, subaccountId),
    isNull(clientPlanPeriods.effectiveTo),
  );
  // Ending at (or before) the instant it began: it never applied.
  await tx.delete(clientPlanPeriods).where(and(open, gte(clientPlanPeriods.effectiveFrom, at)));
  await tx.update(clientPlanPeriods).set({ effectiveTo: at, updatedAt: new Date() }).where(open);
  if (next)
    await tx.insert(clientPlanPeriods).values({
      tenantId: agencyId,
      subaccountId,
      planId: next.planId,
      plan: snapshotOf(next.plan),
      effectiveFrom: at,
    });
}

/** The client's open period (its plan as billed now), or undefined. */
export async function openPlanPeriod(tx: Tx, subaccountId: string) {
  const [row] = await tx
    .select({ planId: clientPlanPeriods.planId, plan: clientPlanPeriods.plan })
    .from(clientPlanPeriods)
    .where(
      and(eq(clientPlanPeriods.subaccountId, subaccountId), isNull(clientPlanPeriods.effectiveTo)),
    );
  return row;
}
