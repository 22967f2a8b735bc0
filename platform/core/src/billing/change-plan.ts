import { and, eq, ne, subscriptions, type Tx } from "@omnify/db";
import type Stripe from "stripe";

/** The tenant's subscription unless canceled: a plan change then updates it in place. */
export async function liveSubscription(tx: Tx, tenantId: string) {
  const [row] = await tx
    .select({ stripeSubscriptionId: subscriptions.stripeSubscriptionId, plan: subscriptions.plan })
    .from(subscriptions)
    .where(and(eq(subscriptions.tenantId, tenantId), ne(subscriptions.status, "canceled")));
  return row;
}

/**
 * Moves a subscription to another price mid-cycle. Stripe prorates (credit for the unused
 * old price, charge for the rest of the period) onto the next invoice; the plan itself
 * changes when the `customer.subscription.updated` webhook is processed.
 */
export async function changeSubscriptionPrice(
  stripe: Stripe,
  subscriptionId: string,
  priceId: string,
) {
  const sub = await stripe.subscriptions.retrieve(subscriptionId);
  const item = sub.items.data[0];
  if (!item) throw new Error(`subscription ${subscriptionId} has no item`);
  await stripe.subscriptions.update(subscriptionId, {
    items: [{ id: item.id, price: priceId }],
    proration_behavior: "create_prorations",
  });
}
