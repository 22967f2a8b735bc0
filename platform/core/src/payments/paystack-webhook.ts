import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { type AppDatabase, paystackEvents, sql } from "@omnify/db";
import { DomainError } from "../errors";
import {
  emitPaymentEvent,
  metadataOf,
  type PluginPaymentEvent,
  refunded,
  succeeded,
} from "./plugin-events";

type Obj = Record<string, unknown>;

/** `x-paystack-signature`: HMAC-SHA512 of the raw body with the secret key, hex. */
export function paystackSignature(rawBody: string, secretKey: string): string {
  return createHmac("sha512", secretKey).update(rawBody).digest("hex");
}

function verified(rawBody: string, signature: string | null, secretKey: string): boolean {
  const expected = Buffer.from(paystackSignature(rawBody, secretKey), "hex");
  const given = Buffer.from(signature ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Verifies a Paystack webhook and stores it once: the key is the event type plus the
 * object's id (Paystack events carry none of their own). A forged signature stores nothing.
 */
export async function ingestPaystackWebhook(
  db: AppDatabase,
  input: { rawBody: string; signature: string | null; secretKey: string },
): Promise<{ eventId: string; duplicate: boolean }> {
  if (!verified(input.rawBody, input.signature, input.secretKey))
    throw new DomainError(
      "UNAUTHORIZED",
      "The Paystack signature does not match this payload",
      "x-paystack-signature",
    );
  let event: { event?: unknown; data?: Obj };
  try {
    event = JSON.parse(input.rawBody) as typeof event;
  } catch {
    throw new DomainError("BAD_INPUT", "The Paystack payload is not JSON", "body");
  }
  const data = event.data ?? {};
  if (typeof event.event !== "string")
    throw new DomainError("BAD_INPUT", "The Paystack event has no type", "body");
  // An object without an id of its own is keyed by the body, so a redelivery still matches.
  const objectId =
    data.id ??
    data.refund_reference ??
    data.reference ??
    `sha256:${createHash("sha256").update(input.rawBody).digest("hex")}`;
  const eventId = `${event.event}:${String(objectId)}`;
  const reference = data.transaction_reference ?? data.reference;
  const rows = await db.withoutTenant((tx) =>
    tx
      .insert(paystackEvents)
      .values({
        id: eventId,
        type: event.event as string,
        reference: typeof reference === "string" ? reference : null,
        payload: event as Obj,
      })
      .onConflictDoNothing()
      .returning({ id: paystackEvents.id }),
  );
  return { eventId, duplicate: rows.length === 0 };
}

type LedgerRow = { type: string; payload: Obj; processed_at: string | null };

/** The plugin event a Paystack event stands for; refunds borrow their charge's metadata. */
async function paystackPaymentEvent(
  tx: Parameters<Parameters<AppDatabase["withoutTenant"]>[0]>[0],
  row: LedgerRow,
): Promise<PluginPaymentEvent | null | "charge not stored yet"> {
  const data = (row.payload.data ?? {}) as Obj;
  if (row.type === "charge.success" && data.status === "success")
    return succeeded("paystack", metadataOf(data), {
      checkoutId: String(data.reference),
      paymentId: String(data.reference),
      amount: Number(data.amount),
      currency: String(data.currency),
    });
  if (row.type === "refund.processed") {
    const reference = String(data.transaction_reference ?? "");
    const [charge] = (await tx.execute(
      sql`select payload from paystack_events where type = 'charge.success' and reference = ${reference}`,
    )) as unknown as { payload: Obj }[];
    if (!charge) return "charge not stored yet";
    return refunded("paystack", metadataOf(charge.payload.data as Obj), {
      paymentId: reference,
      refundId: String(data.id ?? data.refund_reference),
      amount: Number(data.amount),
    });
  }
  return null;
}

/**
 * Processes one stored Paystack event exactly once (row lock + processed_at in the effect's
 * transaction). A refund whose charge is not stored yet throws, so the webhook answers 500
 * and Paystack delivers it again later.
 */
export async function processPaystackEvent(db: AppDatabase, eventId: string): Promise<string> {
  return db.withoutTenant(async (tx) => {
    const [row] = (await tx.execute(
      sql`select type, payload, processed_at from paystack_events where id = ${eventId} for update`,
    )) as unknown as LedgerRow[];
    if (!row) throw new Error(`paystack event ${eventId} is not in the ledger`);
    if (row.processed_at) return "already processed";
    const payment = await paystackPaymentEvent(tx, row);
    if (payment === "charge not stored yet")
      throw new Error(`paystack event ${eventId}: its charge is not stored yet`);
    const outcome = payment ? await emitPaymentEvent(tx, payment) : "ignored";
    await tx.execute(sql`update paystack_events set processed_at = now() where id = ${eventId}`);
    return outcome;
  });
}
