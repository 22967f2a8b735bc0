import { type ClientInvoiceStatus, sql, type Tx, withinTenant } from "@omnify/db";

type StripeObj = Record<string, unknown>;
type Row = { id: string; status: ClientInvoiceStatus; stripe_event_created: string | null };

/**
 * What each invoice event of a connected account does to the client invoice it names: the
 * status it sets, and the stored statuses it may move from. Paid and void are final, so no
 * late or replayed event takes an invoice out of them; a failed payment leaves it open.
 */
const MOVES: Record<string, { to: ClientInvoiceStatus; from: ClientInvoiceStatus[] }> = {
  "invoice.finalized": { to: "open", from: ["draft"] },
  "invoice.paid": { to: "paid", from: ["draft", "open", "uncollectible", "failed"] },
  "invoice.payment_failed": { to: "open", from: ["draft", "open"] },
  "invoice.voided": { to: "void", from: ["draft", "open", "uncollectible", "failed"] },
  "invoice.marked_uncollectible": { to: "uncollectible", from: ["draft", "open"] },
};

function paymentFailure(invoice: StripeObj): string {
  const attempts = Number(invoice.attempt_count);
  return Number.isInteger(attempts) && attempts > 0
    ? `The client's payment failed (attempt ${attempts})`
    : "The client's payment failed";
}

/**
 * Applies one invoice event of the agency's connected account to the matching client
 * invoice, inside the agency (call it within `withinTenant`). The event's `created` is the
 * row's version: an event older than the last one applied changes nothing. Returns what it
 * did; an outcome starting with "unknown" names what was not found.
 */
export async function applyConnectInvoiceEvent(
  tx: Tx,
  agencyId: string,
  event: StripeObj,
): Promise<string> {
  const move = MOVES[String(event.type)];
  if (!move) return "ignored";
  const invoice = (event.data as { object?: StripeObj } | undefined)?.object ?? {};
  const stripeInvoiceId = typeof invoice.id === "string" ? invoice.id : "";
  const created = Number(event.created);
  const [row] = (await tx.execute(
    sql`select id, status, stripe_event_created from client_invoices
        where tenant_id = ${agencyId} and stripe_invoice_id = ${stripeInvoiceId} for update`,
  )) as unknown as Row[];
  if (!row) return `unknown client invoice ${stripeInvoiceId}`;
  if (row.stripe_event_created !== null && Number(row.stripe_event_created) > created)
    return "stale";
  if (!move.from.includes(row.status)) return `kept ${row.status}`;
  const failure = event.type === "invoice.payment_failed" ? paymentFailure(invoice) : null;
  const hosted = typeof invoice.hosted_invoice_url === "string" ? invoice.hosted_invoice_url : null;
  await tx.execute(sql`
    update client_invoices set status = ${move.to}, stripe_error = ${failure},
      hosted_invoice_url = coalesce(${hosted}, hosted_invoice_url),
      stripe_event_created = ${created}, updated_at = now()
    where id = ${row.id}`);
  return failure ? `${move.to}, payment failed` : move.to;
}

/**
 * An event from a connected account (its top-level `account`): finds the agency that owns
 * the account through app.rebilling_agency_for_account (before any tenant is set), then
 * applies the event inside that agency, so row-level security holds for the update.
 */
export async function processConnectEvent(
  tx: Tx,
  account: string,
  event: StripeObj,
): Promise<string> {
  if (!MOVES[String(event.type)]) return "ignored";
  const [owner] = (await tx.execute(
    sql`select app.rebilling_agency_for_account(${account}) as tenant_id`,
  )) as unknown as { tenant_id: string | null }[];
  const agencyId = owner?.tenant_id;
  if (!agencyId) return `unknown connected account ${account}`;
  return withinTenant(tx, agencyId, () => applyConnectInvoiceEvent(tx, agencyId, event));
}
