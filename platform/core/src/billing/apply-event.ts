import { type SubscriptionStatus, sql, type Tx } from "@omnify/db";
import { planForPrice } from "./plans";
import { keepsPlan, toSubscriptionStatus, transition } from "./state-machine";

type StripeObj = Record<string, unknown>;
type Row = {
  plan: string;
  status: SubscriptionStatus;
  past_due_since: string | Date | null;
  stripe_version: number;
};

function priceOf(sub: StripeObj): string {
  const item = (sub.items as { data?: { price?: { id?: string } }[] } | undefined)?.data?.[0];
  return item?.price?.id ?? "";
}

function subscriptionOfInvoice(invoice: StripeObj): string | undefined {
  const parent = invoice.parent as { subscription_details?: { subscription?: string } } | undefined;
  return parent?.subscription_details?.subscription ?? (invoice.subscription as string | undefined);
}

/**
 * Applies one Stripe event to a tenant's subscription, inside that tenant. The event's
 * `created` is the row's version: an event older than what the row already reflects is
 * skipped, so late deliveries never roll the state back. Returns what it did.
 */
export async function applyStripeEvent(
  tx: Tx,
  tenantId: string,
  event: StripeObj,
): Promise<string> {
  const object = (event.data as { object: StripeObj }).object;
  const version = Number(event.created);
  const at = new Date(version * 1000);
  const [row] = (await tx.execute(
    sql`select plan, status, past_due_since, stripe_version from subscriptions where tenant_id = ${tenantId} for update`,
  )) as unknown as Row[];
  if (row && Number(row.stripe_version) > version) return "stale";
  const current = row
    ? { status: row.status, pastDueSince: row.past_due_since ? new Date(row.past_due_since) : null }
    : undefined;

  let subscriptionId: string;
  let plan = row?.plan;
  let status: SubscriptionStatus;
  let periodEnd: Date | null = null;
  switch (event.type) {
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      subscriptionId = String(object.id);
      const known = planForPrice(priceOf(object));
      if (!known) return `unknown price ${priceOf(object)}`;
      plan = known.id;
      status = event.type.endsWith("deleted")
        ? "canceled"
        : toSubscriptionStatus(String(object.status));
      const item = (object.items as { data?: { current_period_end?: number }[] }).data?.[0];
      periodEnd = item?.current_period_end ? new Date(item.current_period_end * 1000) : null;
      break;
    }
    case "invoice.payment_failed":
    case "invoice.paid": {
      const sub = subscriptionOfInvoice(object);
      // An invoice for a subscription we have not recorded yet changes nothing by itself.
      if (!row || !sub || !plan) return "no subscription yet";
      subscriptionId = sub;
      status = event.type === "invoice.paid" ? "active" : "past_due";
      break;
    }
    default:
      return "ignored";
  }
  const next = transition(current, status, at);
  await tx.execute(sql`
    insert into subscriptions (tenant_id, stripe_subscription_id, plan, status, current_period_end, past_due_since, stripe_version, updated_at)
    values (${tenantId}, ${subscriptionId}, ${plan}, ${next.status}, ${periodEnd?.toISOString() ?? null},
      ${next.pastDueSince?.toISOString() ?? null}, ${version}, now())
    on conflict (tenant_id) do update set
      stripe_subscription_id = excluded.stripe_subscription_id, plan = excluded.plan, status = excluded.status,
      current_period_end = coalesce(excluded.current_period_end, subscriptions.current_period_end),
      past_due_since = excluded.past_due_since, stripe_version = excluded.stripe_version, updated_at = now()`);
  // tenants.plan mirrors the live plan for screens that only read the tenant row.
  await tx.execute(
    sql`update tenants set plan = ${keepsPlan(next.status) ? plan : "free"}, updated_at = now() where id = ${tenantId}`,
  );
  return `${next.status} on ${plan}`;
}
