import { type AppDatabase, sql, withinTenant } from "@omnify/db";
import { emitPaymentEvent } from "../payments/plugin-events";
import { stripePaymentEvent } from "../payments/stripe-events";
import { processConnectEvent } from "../rebilling/invoice-events";
import { applyStripeEvent } from "./apply-event";

type LedgerRow = { payload: Record<string, unknown>; processed_at: string | null };

/**
 * Processes one stored event exactly once: the ledger row is locked, skipped if already
 * processed, and marked processed in the same transaction as its effect. Safe to run from
 * several workers and on redelivery.
 */
export async function processStripeEvent(db: AppDatabase, eventId: string): Promise<string> {
  return db.withoutTenant(async (tx) => {
    const [row] = (await tx.execute(
      sql`select payload, processed_at from stripe_events where id = ${eventId} for update`,
    )) as unknown as LedgerRow[];
    if (!row) throw new Error(`stripe event ${eventId} is not in the ledger`);
    if (row.processed_at) return "already processed";
    // A plugin's marketplace payment: to that plugin's outbox in the tenant its metadata names.
    const payment = stripePaymentEvent(row.payload);
    if (payment) {
      const done = await emitPaymentEvent(tx, payment);
      await tx.execute(sql`update stripe_events set processed_at = now() where id = ${eventId}`);
      return done;
    }
    const object = (row.payload.data as { object?: { customer?: unknown } } | undefined)?.object;
    // A connected account's event (Connect sets `account`) is about an agency's client invoice.
    const account = typeof row.payload.account === "string" ? row.payload.account : null;
    const customer = typeof object?.customer === "string" && !account ? object.customer : null;
    const [owner] = customer
      ? ((await tx.execute(
          sql`select app.billing_tenant_for_customer(${customer}) as tenant_id`,
        )) as unknown as {
          tenant_id: string | null;
        }[])
      : [];
    const outcome = account
      ? await processConnectEvent(tx, account, row.payload)
      : owner?.tenant_id
        ? await withinTenant(tx, owner.tenant_id, () =>
            applyStripeEvent(tx, owner.tenant_id as string, row.payload),
          )
        : "no tenant for this customer";
    await tx.execute(
      sql`update stripe_events set processed_at = now(), error = ${outcome.startsWith("unknown") ? outcome : null} where id = ${eventId}`,
    );
    return outcome;
  });
}
