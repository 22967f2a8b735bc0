import {
  type AppDatabase,
  and,
  asc,
  clientBilling,
  clientPlans,
  eq,
  type Tx,
  tenants,
} from "@omnify/db";
import { badInput, DomainError } from "../errors";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { plainDecimal } from "./money";
import { openPlanPeriod, sameSnapshot, switchPlanPeriod } from "./periods";
import { assertRebillingAgency, mustFindPlan } from "./plans";
import { clientPlanState, type SpendState, spendState } from "./spend";

export type RebilledClient = {
  id: string;
  slug: string;
  name: string;
  planId: string | null;
  planName: string | null;
  spendCapCents: number | null;
  /** When the agency stopped rebilling the client (null: attached, or never rebilled). */
  detachedAt: Date | null;
  /** Month-to-date metered spend and whether the cap stops new usage (null: not rebilled). */
  spend: SpendState | null;
};

/**
 * The agency's sub-accounts with their plan, cap and month-to-date spend. The spend is read
 * in each client's own transaction (its ledger is its own; RLS keeps it so).
 */
export async function listRebilledClients(
  db: AppDatabase,
  agency: ResolvedTenant,
  now = new Date(),
): Promise<RebilledClient[]> {
  assertRebillingAgency(agency);
  const rows = await db.withTenant(agency.id, (tx) =>
    tx
      .select({
        id: tenants.id,
        slug: tenants.slug,
        name: tenants.name,
        planId: clientBilling.planId,
        planName: clientPlans.name,
        spendCapCents: clientBilling.spendCapCents,
        detachedAt: clientBilling.detachedAt,
      })
      .from(tenants)
      .leftJoin(clientBilling, eq(clientBilling.subaccountId, tenants.id))
      .leftJoin(clientPlans, eq(clientPlans.id, clientBilling.planId))
      .where(and(eq(tenants.parentId, agency.id), eq(tenants.kind, "subaccount")))
      .orderBy(asc(tenants.name)),
  );
  const out: RebilledClient[] = [];
  for (const r of rows) {
    const spend = r.planId
      ? await db.withTenant(r.id, async (tx) => {
          const state = await clientPlanState(tx);
          return state ? spendState(tx, state, now) : null;
        })
      : null;
    out.push({ ...r, spend });
  }
  return out;
}

/** One of the agency's own sub-accounts, or NOT_FOUND naming `subaccountId`. `tx`: the agency's. */
export async function mustFindClient(tx: Tx, agencyId: string, subaccountId: string) {
  const [client] = /^[0-9a-f-]{36}$/i.test(subaccountId)
    ? await tx
        .select({ id: tenants.id })
        .from(tenants)
        .where(and(eq(tenants.id, subaccountId), eq(tenants.parentId, agencyId)))
    : [];
  if (!client)
    throw new DomainError("NOT_FOUND", "No such sub-account of this agency", "subaccountId");
  return client;
}

export type ClientBillingInput = {
  subaccountId: string;
  /** null stops rebilling this client (it is still invoiced for the part of the month before). */
  planId: string | null;
  /** Monthly cap on metered spend in cents; null = no cap. */
  spendCapCents: number | null;
};

/**
 * The agency assigns a plan and a cap to one of its clients, or detaches it (`planId` null).
 * Detaching keeps the billing row (and the client's Stripe customer, which re-attaching
 * reuses) and ends its plan period, so the month so far is still invoiced. Every change of
 * plan opens a new period from `at` in the same transaction. Bad input changes nothing.
 */
export async function setClientBilling(
  tx: Tx,
  agency: ResolvedTenant,
  input: ClientBillingInput,
  at = new Date(),
): Promise<void> {
  assertRebillingAgency(agency);
  const client = await mustFindClient(tx, agency.id, input.subaccountId);
  const cap = input.spendCapCents;
  if (cap !== null && (!Number.isInteger(cap) || cap < 0))
    throw badInput(
      "spendCapCents",
      "must be a whole number of cents, at least 0 (or empty for no cap)",
    );
  // One change per client at a time, so its periods never overlap.
  const [current] = await tx
    .select({ planId: clientBilling.planId })
    .from(clientBilling)
    .where(eq(clientBilling.subaccountId, client.id))
    .for("update");
  if (input.planId === null) {
    if (!current?.planId) return;
    await tx
      .update(clientBilling)
      .set({ planId: null, spendCapCents: cap, detachedAt: at, updatedAt: new Date() })
      .where(eq(clientBilling.subaccountId, client.id));
    await switchPlanPeriod(tx, agency.id, client.id, null, at);
    return;
  }
  const plan = await mustFindPlan(tx, agency, input.planId);
  const open = await openPlanPeriod(tx, client.id);
  const unchanged =
    current?.planId === plan.id &&
    open?.planId === plan.id &&
    sameSnapshot(open.plan, { ...plan, markupPercent: plainDecimal(plan.markupPercent) });
  if (!unchanged) await switchPlanPeriod(tx, agency.id, client.id, { planId: plan.id, plan }, at);
  await tx
    .insert(clientBilling)
    .values({
      subaccountId: client.id,
      tenantId: agency.id,
      planId: plan.id,
      spendCapCents: cap,
    })
    .onConflictDoUpdate({
      target: clientBilling.subaccountId,
      set: { planId: plan.id, spendCapCents: cap, detachedAt: null, updatedAt: new Date() },
    });
}
