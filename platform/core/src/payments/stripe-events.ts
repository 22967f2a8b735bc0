import { metadataOf, type PluginPaymentEvent, refunded, succeeded } from "./plugin-events";

type Obj = Record<string, unknown>;
const idOf = (v: unknown) =>
  typeof v === "string" ? v : String((v as { id?: string } | null)?.id ?? "");

/**
 * The plugin event a stored Stripe event stands for, if it is about a plugin's payment:
 * a paid `mode: payment` Checkout Session, or a refund. Refunds come from `refund.created`
 * (the Refund carries its own id, amount and the metadata Omnify set), not `charge.refunded`,
 * whose Charge has no refund list since API 2022-11-15.
 */
export function stripePaymentEvent(event: Obj): PluginPaymentEvent | null {
  const object = (event.data as { object?: Obj } | undefined)?.object;
  if (!object) return null;
  if (
    (event.type === "checkout.session.completed" ||
      event.type === "checkout.session.async_payment_succeeded") &&
    object.mode === "payment" &&
    object.payment_status === "paid"
  )
    return succeeded("stripe", metadataOf(object), {
      checkoutId: String(object.id),
      paymentId: idOf(object.payment_intent),
      amount: Number(object.amount_total),
      currency: String(object.currency),
    });
  if (event.type === "refund.created")
    return refunded("stripe", metadataOf(object), {
      paymentId: idOf(object.payment_intent),
      refundId: String(object.id),
      amount: Number(object.amount),
    });
  return null;
}
