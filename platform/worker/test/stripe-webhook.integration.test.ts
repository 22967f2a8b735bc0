import { createCheckoutSession } from "@omnify/core/billing/checkout";
import { ingestStripeWebhook } from "@omnify/core/billing/ingest-webhook";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setupFakeStripe, signedDelivery, WEBHOOK_SECRET } from "../../core/test/billing/fake";
import { setupWorld } from "../../core/test/helpers";
import { dispatchStripeEventsJob } from "../src/jobs/stripe-webhook";
import { listenForStripeEvents } from "../src/jobs/stripe-webhook-listener";
import { runJobNow } from "../src/run-job";
import { createWorker, type Worker } from "../src/worker";

const s = setupWorld();
const f = setupFakeStripe();
let worker: Worker;
const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeAll(async () => {
  worker = createWorker({
    adminUrl: s.t.adminUrl,
    db: s.t.app,
    log,
    pollingIntervalSeconds: 0.5,
    schedule: false,
  });
  await worker.start();
  await listenForStripeEvents(worker.boss, s.t.app, log);
});
afterAll(() => worker?.stop());

const processedCount = async () =>
  (await s.t.admin`select count(*)::int as n from stripe_events where processed_at is not null`)[0]
    ?.n;

describe("stripe-webhook job through real pg-boss", () => {
  it("processes stored events once, started by the NOTIFY on ingest", async () => {
    const { url } = await createCheckoutSession(s.t.app, f.stripe, {
      tenantId: s.w.alpha,
      tenantName: "Alpha",
      plan: "pro",
      successUrl: "http://alpha.omnify.test/settings/billing",
      cancelUrl: "http://alpha.omnify.test/settings/billing",
    });
    const events = await f.fake.completeCheckout(url.split("/").pop() ?? "");
    // Delivered twice: the replay is stored once and applied once.
    for (const event of [...events, ...events]) {
      await ingestStripeWebhook(s.t.app, f.stripe, {
        ...signedDelivery(f.stripe, event),
        webhookSecret: WEBHOOK_SECRET,
      });
    }
    await expect.poll(processedCount, { timeout: 20_000, interval: 200 }).toBe(events.length);
    const [sub] = await s.t
      .admin`select plan, status from subscriptions where tenant_id = ${s.w.alpha}`;
    expect(sub).toMatchObject({ plan: "pro", status: "active" });
    expect(log.error).not.toHaveBeenCalled();
  });

  it("the sweep queues events whose notification was missed", async () => {
    const sub = (
      await s.t
        .admin`select stripe_subscription_id as id from subscriptions where tenant_id = ${s.w.alpha}`
    )[0];
    const [failed] = await f.fake.failRenewal(String(sub?.id));
    if (!failed) throw new Error("no event");
    // Stored as the superuser, as if the web process had crashed before notifying.
    await s.t.admin`insert into stripe_events (id, type, payload, stripe_created)
      values (${failed.id}, ${String(failed.type)}, ${JSON.stringify(failed)}::text::jsonb, now())`;
    const outcome = await runJobNow(worker, dispatchStripeEventsJob.id, {});
    expect(outcome.output).toEqual({ dispatched: 1 });
    await expect
      .poll(
        async () =>
          (await s.t.admin`select status from subscriptions where tenant_id = ${s.w.alpha}`)[0]
            ?.status,
        {
          timeout: 20_000,
          interval: 200,
        },
      )
      .toBe("past_due");
  });
});
