import { type AppDatabase, billingCustomers, eq, type Tx } from "@omnify/db";
import type Stripe from "stripe";
import { badInput, DomainError } from "../errors";
import { changeSubscriptionPrice, liveSubscription } from "./change-plan";
import { planById } from "./plans";

export type BillingUrls = { successUrl: string; cancelUrl: string };

async function existingCustomer(tx: Tx, tenantId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: billingCustomers.stripeCustomerId })
    .from(billingCustomers)
    .where(eq(billingCustomers.tenantId, tenantId));
  return row?.id;
}

/**
 * The tenant's Stripe customer, created on first use. The idempotency key is the tenant id,
 * so two racing first checkouts get the same Stripe customer rather than two.
 */
async function ensureCustomer(
  db: AppDatabase,
  stripe: Stripe,
  tenantId: string,
  name: string,
): Promise<string> {
  const known = await db.withTenant(tenantId, (tx) => existingCustomer(tx, tenantId));
  if (known) return known;
  const customer = await stripe.customers.create(
    { name, metadata: { tenant_id: tenantId } },
    { idempotencyKey: `omnify-customer-${tenantId}` },
  );
  return db.withTenant(tenantId, async (tx) => {
    await tx
      .insert(billingCustomers)
      .values({ tenantId, stripeCustomerId: customer.id })
      .onConflictDoNothing();
    return (await existingCustomer(tx, tenantId)) ?? customer.id;
  });
}

/** A Stripe Checkout URL that subscribes the agency to `plan`. Unknown or unsold plans are bad input. */
export async function createCheckoutSession(
  db: AppDatabase,
  stripe: Stripe,
  input: { tenantId: string; tenantName: string; plan: string } & BillingUrls,
): Promise<{ url: string }> {
  const plan = planById(input.plan);
  if (!plan.stripePriceId)
    throw badInput("plan", `${plan.name} is not sold online: contact us to switch to it`);
  const live = await db.withTenant(input.tenantId, (tx) => liveSubscription(tx, input.tenantId));
  if (live) {
    if (live.plan === plan.id) throw badInput("plan", `You are already on ${plan.name}`);
    // A second Checkout would start a second subscription: change the live one instead.
    await changeSubscriptionPrice(stripe, live.stripeSubscriptionId, plan.stripePriceId);
    return { url: input.successUrl };
  }
  const customer = await ensureCustomer(db, stripe, input.tenantId, input.tenantName);
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: input.tenantId,
    line_items: [{ price: plan.stripePriceId, quantity: 1 }],
    subscription_data: { metadata: { tenant_id: input.tenantId, plan: plan.id } },
    success_url: input.successUrl,
    cancel_url: input.cancelUrl,
  });
  if (!session.url) throw new DomainError("CONFLICT", "Stripe did not return a Checkout URL");
  return { url: session.url };
}

/** A Customer Portal URL (cards, invoices, cancel); only after a first checkout. */
export async function createPortalSession(
  db: AppDatabase,
  stripe: Stripe,
  input: { tenantId: string; returnUrl: string },
): Promise<{ url: string }> {
  const customer = await db.withTenant(input.tenantId, (tx) =>
    existingCustomer(tx, input.tenantId),
  );
  if (!customer)
    throw new DomainError(
      "NOT_FOUND",
      "There is no billing account yet: choose a plan first",
      "plan",
    );
  const session = await stripe.billingPortal.sessions.create({
    customer,
    return_url: input.returnUrl,
  });
  return { url: session.url };
}

export type InvoiceSummary = {
  id: string;
  status: string;
  totalCents: number;
  currency: string;
  createdAt: Date;
  url: string | null;
  lines: { description: string; amountCents: number; proration: boolean }[];
};

/** The agency's latest invoices from Stripe, newest first; none before a first checkout. */
export async function listInvoices(
  db: AppDatabase,
  stripe: Stripe,
  tenantId: string,
  limit = 12,
): Promise<InvoiceSummary[]> {
  const customer = await db.withTenant(tenantId, (tx) => existingCustomer(tx, tenantId));
  if (!customer) return [];
  const page = await stripe.invoices.list({ customer, limit });
  return page.data.map((i) => ({
    id: i.id ?? "",
    status: i.status ?? "draft",
    totalCents: i.total,
    currency: i.currency,
    createdAt: new Date(i.created * 1000),
    url: i.hosted_invoice_url ?? null,
    lines: i.lines.data.map((l) => ({
      description: l.description ?? "",
      amountCents: l.amount,
      proration: Boolean((l as unknown as { proration?: boolean }).proration),
    })),
  }));
}
