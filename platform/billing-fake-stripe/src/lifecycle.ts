import { createInvoice, subscriptionItem } from "./billing";
import { missing } from "./errors";
import { type FakeState, MONTH_SECONDS, type StripeObject } from "./state";

function sub(state: FakeState, id: string): StripeObject {
  const found = state.subscriptions.get(id);
  if (!found) throw missing("subscription", id);
  return found;
}

/** The next period's invoice; its payment fails and the subscription falls past due. */
export function failRenewal(state: FakeState, subscriptionId: string): StripeObject[] {
  const s = renewPeriod(state, subscriptionId);
  const invoice = createInvoice(state, s, "open");
  Object.assign(s, { status: "past_due", latest_invoice: invoice.id });
  return [
    state.emit("invoice.payment_failed", invoice),
    state.emit("customer.subscription.updated", s),
  ];
}

/** The next period's invoice, paid at once (proration lines from a mid-cycle change land here). */
export function renew(state: FakeState, subscriptionId: string): StripeObject[] {
  const s = renewPeriod(state, subscriptionId);
  const invoice = createInvoice(state, s, "paid");
  Object.assign(s, { status: "active", latest_invoice: invoice.id });
  return [state.emit("invoice.paid", invoice), state.emit("customer.subscription.updated", s)];
}

/** The customer pays an open invoice (e.g. after updating their card in the portal). */
export function payInvoice(state: FakeState, invoiceId: string): StripeObject[] {
  const invoice = state.invoices.get(invoiceId);
  if (!invoice) throw missing("invoice", invoiceId);
  Object.assign(invoice, { status: "paid", amount_paid: invoice.amount_due });
  const subId = (invoice.parent as { subscription_details: { subscription: string } })
    .subscription_details.subscription;
  const s = sub(state, subId);
  s.status = "active";
  return [state.emit("invoice.paid", invoice), state.emit("customer.subscription.updated", s)];
}

export function cancel(state: FakeState, subscriptionId: string): StripeObject[] {
  const s = sub(state, subscriptionId);
  Object.assign(s, { status: "canceled", canceled_at: state.now() });
  return [state.emit("customer.subscription.deleted", s)];
}

function renewPeriod(state: FakeState, subscriptionId: string): StripeObject {
  const s = sub(state, subscriptionId);
  const item = subscriptionItem(s);
  item.current_period_start = item.current_period_end;
  item.current_period_end += MONTH_SECONDS;
  return s;
}
