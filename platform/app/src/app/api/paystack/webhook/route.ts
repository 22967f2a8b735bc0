import { DomainError } from "@omnify/core/errors";
import {
  ingestPaystackWebhook,
  processPaystackEvent,
} from "@omnify/core/payments/paystack-webhook";
import { getDeps } from "../../../../server/deps";

/**
 * Paystack's webhook endpoint (host-independent). The raw body's `x-paystack-signature`
 * (HMAC-SHA512 with the secret key) is checked first: a forged one is a 401 and stores
 * nothing. The event is stored once by (type, object id), then processed once; if
 * processing fails the answer is 500, Paystack redelivers, and the stored row is processed.
 */
export async function POST(request: Request) {
  const { db, env } = getDeps();
  if (!env.PAYSTACK_SECRET_KEY)
    return Response.json({ error: "Paystack is not configured" }, { status: 503 });
  const rawBody = await request.text();
  let eventId: string;
  let duplicate: boolean;
  try {
    ({ eventId, duplicate } = await ingestPaystackWebhook(db, {
      rawBody,
      signature: request.headers.get("x-paystack-signature"),
      secretKey: env.PAYSTACK_SECRET_KEY,
    }));
  } catch (error) {
    if (error instanceof DomainError)
      return Response.json(
        { error: error.message },
        { status: error.code === "UNAUTHORIZED" ? 401 : 400 },
      );
    throw error;
  }
  const outcome = await processPaystackEvent(db, eventId);
  return Response.json({ received: true, duplicate, outcome });
}
