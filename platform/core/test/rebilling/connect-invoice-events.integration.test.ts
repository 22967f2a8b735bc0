import { randomUUID } from "node:crypto";
import type { StripeObject } from "@omnify/fake-stripe";
import { beforeAll, describe, expect, it } from "vitest";
import { ingestStripeWebhook, processStripeEvent } from "../../src/billing";
import { ingestUsage } from "../../src/billing/usage/ingest-usage";
import {
  createClientPlan,
  invoiceClient,
  refreshConnectStatus,
  setClientBilling,
  startConnectOnboarding,
} from "../../src/rebilling";
import { setupFakeStripe, signedDelivery, WEBHOOK_SECRET } from "../billing/fake";
import { setupWorld } from "../helpers";

const s = setupWorld();
const f = setupFakeStripe();

/** The Connect endpoint signs with its own secret; ingest accepts either. */
const CONNECT_SECRET = "whsec_test_connect";
const BETA_ACCOUNT = "acct_beta_test";

const now = new Date();
const lastMonth = {
  start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)),
  end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
};

let account = "";
/** Alpha's invoices to its clients "client" and "other": our ids and Stripe's. */
const inv = { client: { id: "", stripe: "" }, other: { id: "", stripe: "" } };
let betaInvoiceId = "";

type InvoiceRow = {
  status: string;
  stripe_error: string | null;
  stripe_event_created: string | null;
  updated_at: Date;
};
const invoiceRow = async (id: string) => {
  const [row] = await s.t.admin<InvoiceRow[]>`
    select status, stripe_error, stripe_event_created, updated_at from client_invoices where id = ${id}`;
  return row;
};
const ledger = async (eventId: string) => {
  const [row] = await s.t.admin<{ processed_at: Date | null; error: string | null }[]>`
    select processed_at, error from stripe_events where id = ${eventId}`;
  return row;
};

/** Signs with the Connect secret, ingests as the webhook route does, then processes. */
async function deliver(event: StripeObject) {
  const stored = await ingestStripeWebhook(s.t.app, f.stripe, {
    ...signedDelivery(f.stripe, event, CONNECT_SECRET),
    webhookSecret: [WEBHOOK_SECRET, CONNECT_SECRET],
  });
  return { ...stored, outcome: await processStripeEvent(s.t.app, stored.eventId) };
}

/** An event as a connected account's webhook would carry it. */
function connectEvent(
  type: string,
  acct: string,
  invoice: Record<string, unknown>,
  created: number,
): StripeObject {
  return {
    id: `evt_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    type,
    account: acct,
    created,
    data: { object: { object: "invoice", ...invoice } },
  };
}

beforeAll(async () => {
  const plan = await s.t.app.withTenant(s.w.alpha, (tx) =>
    createClientPlan(tx, s.alpha, {
      name: "Growth",
      baseFeeCents: 4900,
      markupPercent: 20,
      meters: [{ meter: "ai.tokens", unitPrice: "0.5" }],
    }),
  );
  const { url } = await startConnectOnboarding(s.t.app, f.stripe, s.alpha, "http://alpha/return");
  account = /onboarding\/(acct_[^?]+)/.exec(url)?.[1] ?? "";
  await f.fake.completeOnboarding(account);
  await refreshConnectStatus(s.t.app, f.stripe, s.w.alpha);
  for (const key of ["client", "other"] as const) {
    const client = s.w[key];
    await s.t.app.withTenant(s.w.alpha, (tx) =>
      setClientBilling(
        tx,
        s.alpha,
        { subaccountId: client, planId: plan.id, spendCapCents: null },
        lastMonth.start,
      ),
    );
    await s.t.app.withTenant(client, (tx) =>
      ingestUsage(tx, [
        {
          meter: "ai.tokens",
          source: "core",
          quantity: 10,
          idempotencyKey: `t-${client}`,
          occurredAt: new Date(lastMonth.start.getTime() + 86_400_000),
        },
      ]),
    );
    const sent = await invoiceClient(s.t.app, f.stripe, s.w.alpha, client, lastMonth);
    expect(sent.status).toBe("open");
    const [row] = await s.t.admin<{ stripe_invoice_id: string }[]>`
      select stripe_invoice_id from client_invoices where id = ${sent.invoiceId}`;
    inv[key] = { id: sent.invoiceId, stripe: row?.stripe_invoice_id ?? "" };
  }
  // Beta, another agency with its own connected account, holds an invoice that (as a trap)
  // carries the same Stripe invoice id as alpha's invoice to "other".
  const betaClient = randomUUID();
  await s.t.admin`insert into tenants (id, kind, parent_id, slug, name, theme_id) values
    (${betaClient}, 'subaccount', ${s.w.beta}, 'beta-client', 'Beta Client', 'grove')`;
  await s.t
    .admin`insert into agency_connect_accounts (tenant_id, stripe_account_id, charges_enabled)
    values (${s.w.beta}, ${BETA_ACCOUNT}, true)`;
  const [beta] = await s.t.admin<{ id: string }[]>`
    insert into client_invoices (tenant_id, subaccount_id, period_start, period_end, currency, total_cents, status, stripe_invoice_id)
    values (${s.w.beta}, ${betaClient}, '2026-01-01', '2026-02-01', 'usd', 1000, 'open', ${inv.other.stripe})
    returning id`;
  betaInvoiceId = beta?.id ?? "";
});

describe("connected-account invoice webhooks", () => {
  let paid: StripeObject | undefined;

  it("paying a client invoice on the connected account marks it paid", async () => {
    const invoice = await f.stripe.invoices.pay(inv.client.stripe, {}, { stripeAccount: account });
    expect(invoice.status).toBe("paid");
    paid = f.fake.state.events.findLast(
      (e) =>
        e.type === "invoice.paid" &&
        (e.data as { object: { id: string } }).object.id === invoice.id,
    );
    expect(paid?.account).toBe(account);
    expect((await invoiceRow(inv.client.id))?.status).toBe("open");

    const first = await deliver(paid as StripeObject);
    expect(first.outcome).toBe("paid");
    const row = await invoiceRow(inv.client.id);
    expect(row?.status).toBe("paid");
    expect(Number(row?.stripe_event_created)).toBe(paid?.created);
    expect((await ledger(first.eventId))?.processed_at).not.toBeNull();
    // Only that invoice: alpha's other client's is still open.
    expect((await invoiceRow(inv.other.id))?.status).toBe("open");
  });

  it("a replayed event changes nothing", async () => {
    const before = await invoiceRow(inv.client.id);
    const replay = await deliver(paid as StripeObject);
    expect(replay.duplicate).toBe(true);
    expect(replay.outcome).toBe("already processed");
    expect(await invoiceRow(inv.client.id)).toEqual(before);
  });

  it("an older payment_failed delivered after invoice.paid does not reopen it", async () => {
    const created = Number(paid?.created);
    const late = connectEvent(
      "invoice.payment_failed",
      account,
      { id: inv.client.stripe, status: "open", attempt_count: 1 },
      created - 5,
    );
    expect((await deliver(late)).outcome).toBe("stale");
    // Even one stamped later (Stripe's clock and ours differ) cannot take a paid invoice back.
    const newer = connectEvent(
      "invoice.payment_failed",
      account,
      { id: inv.client.stripe, status: "open", attempt_count: 2 },
      created + 5,
    );
    expect((await deliver(newer)).outcome).toBe("kept paid");
    const row = await invoiceRow(inv.client.id);
    expect(row?.status).toBe("paid");
    expect(row?.stripe_error).toBeNull();
    expect(Number(row?.stripe_event_created)).toBe(created);
  });

  it("a failed payment keeps the invoice open with the reason, and a later payment clears it", async () => {
    const t0 = Number(paid?.created) + 100;
    const failed = connectEvent(
      "invoice.payment_failed",
      account,
      { id: inv.other.stripe, status: "open", attempt_count: 1 },
      t0,
    );
    expect((await deliver(failed)).outcome).toBe("open, payment failed");
    let row = await invoiceRow(inv.other.id);
    expect(row?.status).toBe("open");
    expect(row?.stripe_error).toBe("The client's payment failed (attempt 1)");

    const olderVoid = connectEvent("invoice.voided", account, { id: inv.other.stripe }, t0 - 1);
    expect((await deliver(olderVoid)).outcome).toBe("stale");
    expect((await invoiceRow(inv.other.id))?.status).toBe("open");

    const uncollectible = connectEvent(
      "invoice.marked_uncollectible",
      account,
      { id: inv.other.stripe },
      t0 + 1,
    );
    expect((await deliver(uncollectible)).outcome).toBe("uncollectible");
    const settled = connectEvent("invoice.paid", account, { id: inv.other.stripe }, t0 + 2);
    expect((await deliver(settled)).outcome).toBe("paid");
    row = await invoiceRow(inv.other.id);
    expect(row?.status).toBe("paid");
    expect(row?.stripe_error).toBeNull();
    const voided = connectEvent("invoice.voided", account, { id: inv.other.stripe }, t0 + 3);
    expect((await deliver(voided)).outcome).toBe("kept paid");
    expect((await invoiceRow(inv.other.id))?.status).toBe("paid");
  });

  it("an event for an unknown account or invoice is recorded as handled with a reason", async () => {
    const before = await invoiceRow(inv.client.id);
    const stranger = connectEvent(
      "invoice.voided",
      "acct_nobody",
      { id: inv.client.stripe },
      Number(paid?.created) + 500,
    );
    const a = await deliver(stranger);
    expect(a.outcome).toBe("unknown connected account acct_nobody");
    expect(await ledger(a.eventId)).toEqual({
      processed_at: expect.any(Date),
      error: "unknown connected account acct_nobody",
    });
    const missing = connectEvent(
      "invoice.voided",
      account,
      { id: "in_not_ours" },
      Number(paid?.created) + 500,
    );
    const b = await deliver(missing);
    expect(b.outcome).toBe("unknown client invoice in_not_ours");
    expect((await ledger(b.eventId))?.error).toBe("unknown client invoice in_not_ours");
    expect(await invoiceRow(inv.client.id)).toEqual(before);
  });

  it("never touches another agency's invoice", async () => {
    // Alpha's events above named the Stripe id beta's row also carries: beta's row is untouched.
    const beta = await invoiceRow(betaInvoiceId);
    expect(beta).toMatchObject({ status: "open", stripe_error: null, stripe_event_created: null });
    // Beta's account naming alpha's invoice finds nothing of beta's, and changes nothing of alpha's.
    const before = await invoiceRow(inv.client.id);
    const cross = connectEvent(
      "invoice.voided",
      BETA_ACCOUNT,
      { id: inv.client.stripe },
      Number(paid?.created) + 900,
    );
    expect((await deliver(cross)).outcome).toBe(`unknown client invoice ${inv.client.stripe}`);
    expect(await invoiceRow(inv.client.id)).toEqual(before);
    // Beta's own event reaches beta's row only.
    const own = connectEvent(
      "invoice.voided",
      BETA_ACCOUNT,
      { id: inv.other.stripe },
      Number(paid?.created) + 901,
    );
    expect((await deliver(own)).outcome).toBe("void");
    expect((await invoiceRow(betaInvoiceId))?.status).toBe("void");
    expect((await invoiceRow(inv.other.id))?.status).toBe("paid");
  });

  it("refuses a delivery signed with neither endpoint's secret", async () => {
    const event = connectEvent("invoice.paid", account, { id: inv.client.stripe }, 1);
    await expect(
      ingestStripeWebhook(s.t.app, f.stripe, {
        ...signedDelivery(f.stripe, event, "whsec_someone_else"),
        webhookSecret: [WEBHOOK_SECRET, CONNECT_SECRET, ""],
      }),
    ).rejects.toThrow(/signature does not match/);
  });
});
