import { type AppDatabase, agencyConnectAccounts, eq, type Tx } from "@omnify/db";
import Stripe from "stripe";
import { DomainError } from "../errors";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { assertRebillingAgency } from "./plans";

export type ConnectStatus = {
  connected: boolean;
  accountId: string | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
};

const none: ConnectStatus = {
  connected: false,
  accountId: null,
  chargesEnabled: false,
  payoutsEnabled: false,
};

export async function connectStatus(tx: Tx, agencyId: string): Promise<ConnectStatus> {
  const [row] = await tx
    .select()
    .from(agencyConnectAccounts)
    .where(eq(agencyConnectAccounts.tenantId, agencyId));
  if (!row) return none;
  return {
    connected: true,
    accountId: row.stripeAccountId,
    chargesEnabled: row.chargesEnabled,
    payoutsEnabled: row.payoutsEnabled,
  };
}

/**
 * Starts (or resumes) Stripe Connect onboarding for the agency: creates its Express account
 * once (idempotency key per agency; the id is stored before any link is made) and returns a
 * one-time onboarding URL that comes back to `returnUrl`.
 */
export async function startConnectOnboarding(
  db: AppDatabase,
  stripe: Stripe,
  agency: ResolvedTenant,
  returnUrl: string,
): Promise<{ url: string }> {
  assertRebillingAgency(agency);
  let status = await db.withTenant(agency.id, (tx) => connectStatus(tx, agency.id));
  if (!status.accountId) {
    const account = await stripe.accounts.create(
      {
        type: "express",
        business_profile: { name: agency.name },
        metadata: { omnify_tenant_id: agency.id },
      },
      { idempotencyKey: `omnify-connect-account-${agency.id}` },
    );
    await db.withTenant(agency.id, (tx) =>
      tx
        .insert(agencyConnectAccounts)
        .values({ tenantId: agency.id, stripeAccountId: account.id })
        .onConflictDoNothing(),
    );
    status = await db.withTenant(agency.id, (tx) => connectStatus(tx, agency.id));
  }
  if (!status.accountId) throw new Error("connected account was not stored");
  const link = await stripe.accountLinks.create({
    account: status.accountId,
    type: "account_onboarding",
    return_url: returnUrl,
    refresh_url: returnUrl,
  });
  return { url: link.url };
}

/** Reads the account back from Stripe (on return from onboarding) and stores what it may do. */
export async function refreshConnectStatus(
  db: AppDatabase,
  stripe: Stripe,
  agencyId: string,
): Promise<ConnectStatus> {
  const status = await db.withTenant(agencyId, (tx) => connectStatus(tx, agencyId));
  if (!status.accountId) return status;
  // Stripe unreachable (or a restarted dev fake that forgot the account): show what we know.
  const account = await stripe.accounts.retrieve(status.accountId).catch((e: unknown) => {
    if (e instanceof Stripe.errors.StripeError) return null;
    throw e;
  });
  if (!account) return status;
  return db.withTenant(agencyId, async (tx) => {
    await tx
      .update(agencyConnectAccounts)
      .set({
        chargesEnabled: account.charges_enabled === true,
        payoutsEnabled: account.payouts_enabled === true,
        updatedAt: new Date(),
      })
      .where(eq(agencyConnectAccounts.tenantId, agencyId));
    return connectStatus(tx, agencyId);
  });
}

/** The connected account invoices go to; refuses plainly until charges are enabled. */
export async function chargeableAccount(tx: Tx, agencyId: string): Promise<string> {
  const status = await connectStatus(tx, agencyId);
  if (!status.accountId || !status.chargesEnabled)
    throw new DomainError(
      "CONFLICT",
      "Connect Stripe first: client invoices are charged through the agency's Stripe account",
      "connect",
    );
  return status.accountId;
}
