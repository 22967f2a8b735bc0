import { type AppDatabase, and, eq, paymentCheckouts } from "@omnify/db";
import type { Checkout, CreateCheckoutInput, PaymentOrigin } from "./types";

/**
 * Opens a checkout once per (tenant, plugin, provider, idempotency key): a retry gets the
 * stored checkout back without reaching the provider. `open` runs outside any transaction
 * (it is an HTTP call); the provider's own idempotency covers a crash between the two.
 */
export async function checkoutOnce(
  db: AppDatabase,
  origin: PaymentOrigin,
  input: CreateCheckoutInput,
  open: () => Promise<Checkout>,
): Promise<Checkout> {
  const key = and(
    eq(paymentCheckouts.pluginId, origin.pluginId),
    eq(paymentCheckouts.provider, input.provider),
    eq(paymentCheckouts.idempotencyKey, input.idempotencyKey),
  );
  const find = () =>
    db.withTenant(origin.tenantId, (tx) => tx.select().from(paymentCheckouts).where(key));
  const stored = async () => {
    const [row] = await find();
    return row ? { provider: row.provider, checkoutId: row.checkoutId, url: row.url } : null;
  };
  const earlier = await stored();
  if (earlier) return earlier;
  let checkout: Checkout;
  try {
    checkout = await open();
  } catch (error) {
    // A concurrent call with the same key may have won the race (Paystack refuses a reused
    // reference): its row appears once its provider call returns.
    for (let attempt = 0; attempt < 20; attempt++) {
      const winner = await stored();
      if (winner) return winner;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw error;
  }
  await db.withTenant(origin.tenantId, (tx) =>
    tx
      .insert(paymentCheckouts)
      .values({
        tenantId: origin.tenantId,
        pluginId: origin.pluginId,
        provider: input.provider,
        idempotencyKey: input.idempotencyKey,
        checkoutId: checkout.checkoutId,
        url: checkout.url,
        reference: input.reference,
        amount: input.amount,
        currency: input.currency.toLowerCase(),
      })
      .onConflictDoNothing(),
  );
  return checkout;
}
