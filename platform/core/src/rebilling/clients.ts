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
import { assertRebillingAgency, mustFindPlan } from "./plans";
import { clientPlanState, type SpendState, spendState } from "./spend";

export type RebilledClient = {
  id: string;
  slug: string;
  name: string;
  planId: string | null;
  planName: string | null;
  spendCapCents: number | null;
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
  /** null stops rebilling this client. */
  planId: string | null;
  /** Monthly cap on metered spend in cents; null = no cap. */
  spendCapCents: number | null;
};

/** The agency assigns a plan and a cap to one of its clients. Bad input changes nothing. */
export async function setClientBilling(
  tx: Tx,
  agency: ResolvedTenant,
  input: ClientBillingInput,
): Promise<void> {
  assertRebillingAgency(agency);
  const client = await mustFindClient(tx, agency.id, input.subaccountId);
  const cap = input.spendCapCents;
  if (cap !== null && (!Number.isInteger(cap) || cap < 0))
    throw badInput(
      "spendCapCents",
      "must be a whole number of cents, at least 0 (or empty for no cap)",
    );
  if (input.planId === null) {
    await tx.delete(clientBilling).where(eq(clientBilling.subaccountId, client.id));
    return;
  }
  await mustFindPlan(tx, agency, input.planId);
  await tx
    .insert(clientBilling)
    .values({
      subaccountId: client.id,
      tenantId: agency.id,
      planId: input.planId,
      spendCapCents: cap,
    })
    .onConflictDoUpdate({
      target: clientBilling.subaccountId,
      set: { planId: input.planId, spendCapCents: cap, updatedAt: new Date() },
    });
}
