import { ingestStripeWebhook } from "@omnify/core/billing/ingest-webhook";
import { DomainError } from "@omnify/core/errors";
import { getDeps } from "../../../../server/deps";

/**
 * Stripe's webhook endpoint (host-independent). The raw body is verified with
 * constructEvent and stored in the ledger; the worker processes it. A bad signature is a 400
 * and stores nothing; a replay is a 200 so Stripe stops retrying.
 */
export async function POST(request: Request) {
  const { billing, db, env } = getDeps();
  if (!billing) return Response.json({ error: "Billing is not configured" }, { status: 503 });
  const rawBody = await request.text();
  try {
    const stored = await ingestStripeWebhook(db, billing.stripe, {
      rawBody,
      signature: request.headers.get("stripe-signature"),
      // The platform endpoint's secret, or the Connect endpoint's (connected accounts' events).
      webhookSecret: [billing.webhookSecret, env.STRIPE_CONNECT_WEBHOOK_SECRET ?? ""],
    });
    return Response.json({ received: true, duplicate: stored.duplicate });
  } catch (error) {
    if (error instanceof DomainError)
      return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}
