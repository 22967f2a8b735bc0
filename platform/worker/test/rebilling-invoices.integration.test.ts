import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setupFakeStripe } from "../../core/test/billing/fake";
import { setupWorld } from "../../core/test/helpers";
import { rebillingInvoicesJob } from "../src/jobs/rebilling-invoices";
import { runJobNow } from "../src/run-job";
import type { Worker } from "../src/worker";
import { createTestWorker } from "./support";

const s = setupWorld();
const f = setupFakeStripe();
let worker: Worker;

beforeAll(async () => {
  vi.stubEnv("STRIPE_SECRET_KEY", "sk_test_omnify");
  vi.stubEnv("STRIPE_API_URL", f.fake.url);
  ({ worker } = createTestWorker(s.t));
  await worker.start();
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await worker?.stop();
});

describe("rebilling-invoices job through real pg-boss", () => {
  it("invoices last month's usage on the agency's connected account, once", async () => {
    const account = await f.stripe.accounts.create({ type: "express" });
    await f.fake.completeOnboarding(account.id);
    const [plan] = await s.t
      .admin`insert into client_plans (tenant_id, name, base_fee_cents, markup_percent, meters)
      values (${s.w.alpha}, 'Pro clients', 1000, 10,
        ${s.t.admin.json([{ meter: "ai.tokens", unitPrice: "1", includedQuantity: "5" }])}) returning id`;
    await s.t.admin`insert into client_billing (subaccount_id, tenant_id, plan_id)
      values (${s.w.client}, ${s.w.alpha}, ${String(plan?.id)})`;
    // What attaching writes: the client's plan from then on, at its prices then.
    await s.t
      .admin`insert into client_plan_periods (tenant_id, subaccount_id, plan_id, plan, effective_from)
      values (${s.w.alpha}, ${s.w.client}, ${String(plan?.id)}, ${s.t.admin.json({
        name: "Pro clients",
        currency: "usd",
        baseFeeCents: 1000,
        markupPercent: "10",
        meters: [{ meter: "ai.tokens", unitPrice: "1", includedQuantity: "5" }],
      })}, '2026-02-10T00:00:00Z')`;
    await s.t
      .admin`insert into agency_connect_accounts (tenant_id, stripe_account_id, charges_enabled)
      values (${s.w.alpha}, ${account.id}, true)`;
    const at = new Date("2026-03-05T10:00:00Z");
    await s.t
      .admin`insert into usage_events (tenant_id, meter, source, quantity, idempotency_key, occurred_at)
      values (${s.w.client}, 'ai.tokens', 'core', 8, 'a', ${at}), (${s.w.client}, 'ai.tokens', 'core', 2, 'b', ${at}),
             (${s.w.client}, 'ai.tokens', 'core', 50, 'april', '2026-04-02T00:00:00Z')`;

    const run = () => runJobNow(worker, rebillingInvoicesJob.id, { at: "2026-04-01T03:00:00Z" });
    const outcome = await run();
    expect(outcome.state).toBe("completed");
    expect(outcome.output).toEqual({ period: "2026-03-01", invoiced: 1, failed: 0 });
    const lines = await s.t.admin`select l.kind, l.amount_cents::int as cents, l.event_count
      from client_invoice_lines l order by l.position`;
    // 1000 base; (10 − 5 included) × $1 × 1.1 = $5.50.
    expect(lines.map((l) => [l.kind, l.cents, l.event_count])).toEqual([
      ["base", 1000, 0],
      ["usage", 550, 2],
    ]);
    const [invoice] = await s.t.admin`select status, stripe_invoice_id from client_invoices`;
    expect(invoice?.status).toBe("open");
    expect(f.fake.ownerOf(String(invoice?.stripe_invoice_id))).toBe(account.id);

    const again = await run();
    expect(again.state).toBe("completed");
    const [n] = await s.t.admin`select count(*)::int as n from client_invoices`;
    expect(n?.n).toBe(1);
  });
});
