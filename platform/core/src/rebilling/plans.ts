import {
  asc,
  type ClientPlanMeter,
  clientBilling,
  clientPlans,
  eq,
  sql,
  type Tx,
} from "@omnify/db";
import { badInput, DomainError } from "../errors";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { isUniqueViolation } from "../unique-violation";
import { currencyProblem, fromMicros, plainDecimal, toMicros } from "./money";
import { openPlanPeriod, sameSnapshot, switchPlanPeriod } from "./periods";

export type ClientPlanMeterInput = {
  meter: string;
  unitPrice: string | number;
  includedQuantity?: string | number;
};

export type ClientPlanInput = {
  name: string;
  currency?: string;
  /** Monthly base fee in cents. */
  baseFeeCents: number;
  /** 20 = every metered charge plus 20%. */
  markupPercent: number | string;
  meters: ClientPlanMeterInput[];
};

export type ClientPlan = {
  id: string;
  name: string;
  currency: string;
  baseFeeCents: number;
  markupPercent: string;
  meters: ClientPlanMeter[];
  /** Sub-accounts on this plan. */
  clients: number;
};

const METER = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const MAX_PRICE = 1_000_000;

export function assertRebillingAgency(tenant: Pick<ResolvedTenant, "kind">): void {
  if (tenant.kind !== "agency")
    throw new DomainError("FORBIDDEN", "Only an agency defines plans for its clients");
}

function decimal(value: unknown, field: string, max: number): string {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  if (!/^\d+(\.\d{1,6})?$/.test(text.trim()))
    throw badInput(
      field,
      `must be a number of at least 0 with at most 6 decimals, got "${String(value)}"`,
    );
  const micros = toMicros(text);
  if (micros > BigInt(max) * 1_000_000n) throw badInput(field, `must be at most ${max}`);
  return fromMicros(micros);
}

/** Checks every field; an error names the first bad one (e.g. `meters[1].unitPrice`). */
export function validateClientPlan(input: ClientPlanInput): Omit<ClientPlan, "id" | "clients"> {
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name || name.length > 80) throw badInput("name", "must be 1 to 80 characters");
  const currency = (input.currency ?? "usd").toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw badInput("currency", "must be a 3-letter ISO code");
  const problem = currencyProblem(currency);
  if (problem) throw badInput("currency", problem);
  if (!Number.isInteger(input.baseFeeCents) || input.baseFeeCents < 0)
    throw badInput("baseFeeCents", "must be a whole number of cents, at least 0");
  if (input.baseFeeCents > 100_000_000) throw badInput("baseFeeCents", "is too large");
  const markupPercent = decimal(input.markupPercent, "markupPercent", 10_000);
  if (!/^\d+(\.\d{1,2})?$/.test(markupPercent))
    throw badInput("markupPercent", "must have at most 2 decimals");
  if (!Array.isArray(input.meters) || input.meters.length > 50)
    throw badInput("meters", "must be a list of at most 50 meters");
  const seen = new Set<string>();
  const meters = input.meters.map((m, i) => {
    const meter = typeof m.meter === "string" ? m.meter.trim() : "";
    if (!METER.test(meter))
      throw badInput(`meters[${i}].meter`, "must be a meter name like utm-links.clicks");
    if (seen.has(meter)) throw badInput(`meters[${i}].meter`, `"${meter}" is priced twice`);
    seen.add(meter);
    return {
      meter,
      unitPrice: decimal(m.unitPrice, `meters[${i}].unitPrice`, MAX_PRICE),
      includedQuantity: decimal(m.includedQuantity ?? 0, `meters[${i}].includedQuantity`, 1e12),
    };
  });
  return { name, currency, baseFeeCents: input.baseFeeCents, markupPercent, meters };
}

const planColumns = {
  id: clientPlans.id,
  name: clientPlans.name,
  currency: clientPlans.currency,
  baseFeeCents: clientPlans.baseFeeCents,
  markupPercent: clientPlans.markupPercent,
  meters: clientPlans.meters,
};

/** The agency's client plans, each with how many clients are on it. `tx`: the agency's. */
export async function listClientPlans(tx: Tx, agency: ResolvedTenant): Promise<ClientPlan[]> {
  assertRebillingAgency(agency);
  const rows = await tx
    .select({
      ...planColumns,
      clients: sql<number>`(select count(*)::int from client_billing b where b.plan_id = ${clientPlans.id})`,
    })
    .from(clientPlans)
    .where(eq(clientPlans.tenantId, agency.id))
    .orderBy(asc(clientPlans.name));
  return rows.map(normalized);
}

const normalized = <T extends { markupPercent: string }>(plan: T): T => ({
  ...plan,
  markupPercent: plainDecimal(plan.markupPercent),
});

function nameTaken(e: unknown, name: string): never {
  if (isUniqueViolation(e)) throw badInput("name", `A client plan named "${name}" already exists`);
  throw e;
}

export async function createClientPlan(
  tx: Tx,
  agency: ResolvedTenant,
  input: ClientPlanInput,
): Promise<ClientPlan> {
  assertRebillingAgency(agency);
  const plan = validateClientPlan(input);
  const [row] = await tx
    .insert(clientPlans)
    .values({ tenantId: agency.id, ...plan })
    .returning(planColumns)
    .catch((e: unknown) => nameTaken(e, plan.name));
  if (!row) throw new Error("insert returned nothing");
  return normalized({ ...row, clients: 0 });
}

/** Unknown plan id → NOT_FOUND naming `planId`; nothing changes. */
async function mustFindPlan(tx: Tx, agency: ResolvedTenant, planId: string, field = "planId") {
  assertRebillingAgency(agency);
  if (!/^[0-9a-f-]{36}$/i.test(planId)) throw badInput(field, `Unknown client plan "${planId}"`);
  const [row] = await tx.select(planColumns).from(clientPlans).where(eq(clientPlans.id, planId));
  if (!row) throw new DomainError("NOT_FOUND", `Unknown client plan "${planId}"`, field);
  return row;
}

/**
 * Edits a plan. Clients on it are billed at the new prices from `at` on: each one's open period
 * ends and a new one (the new prices) starts, in the same transaction, so the part of the month
 * before the edit keeps the old prices.
 */
export async function updateClientPlan(
  tx: Tx,
  agency: ResolvedTenant,
  planId: string,
  input: ClientPlanInput,
  at = new Date(),
): Promise<ClientPlan> {
  await mustFindPlan(tx, agency, planId);
  const plan = validateClientPlan(input);
  const [row] = await tx
    .update(clientPlans)
    .set({ ...plan, updatedAt: new Date() })
    .where(eq(clientPlans.id, planId))
    .returning(planColumns)
    .catch((e: unknown) => nameTaken(e, plan.name));
  if (!row) throw new Error("update returned nothing");
  const onPlan = await tx
    .select({ subaccountId: clientBilling.subaccountId })
    .from(clientBilling)
    .where(eq(clientBilling.planId, planId))
    .orderBy(asc(clientBilling.subaccountId))
    .for("update");
  for (const { subaccountId } of onPlan) {
    const open = await openPlanPeriod(tx, subaccountId);
    if (open?.planId === planId && sameSnapshot(open.plan, plan)) continue;
    await switchPlanPeriod(tx, agency.id, subaccountId, { planId, plan }, at, "currency");
  }
  return normalized({ ...row, clients: onPlan.length });
}

/** Refuses while a client is on the plan (say which to move first). */
export async function deleteClientPlan(tx: Tx, agency: ResolvedTenant, planId: string) {
  const plan = await mustFindPlan(tx, agency, planId);
  const [n] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(clientBilling)
    .where(eq(clientBilling.planId, planId));
  if ((n?.n ?? 0) > 0)
    throw new DomainError(
      "CONFLICT",
      `"${plan.name}" is assigned to ${n?.n} client(s); move them to another plan first`,
      "planId",
    );
  await tx.delete(clientPlans).where(eq(clientPlans.id, planId));
}

export { mustFindPlan };
