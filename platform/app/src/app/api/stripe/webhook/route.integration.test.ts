import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { type FakeStripe, startFakeStripe } from "@omnify/fake-stripe";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const SECRET = "whsec_route_test";
const CONNECT_SECRET = "whsec_route_connect";
let t: TestDatabase;
let fake: FakeStripe;
let POST: (request: Request) => Promise<Response>;
const signer = new Stripe("sk_test_signer");

beforeAll(async () => {
  t = await createTestDatabase();
  fake = await startFakeStripe({ prices: [{ id: "price_x", unitAmount: 100 }] });
  Object.assign(process.env, {
    OMNIFY_DB_APP_URL: t.appUrl,
    OMNIFY_SECRET: "route-test-secret-0123456789",
    STRIPE_SECRET_KEY: "sk_test_route",
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_CONNECT_WEBHOOK_SECRET: CONNECT_SECRET,
    STRIPE_API_URL: fake.url,
  });
  ({ POST } = await import("./route"));
});
afterAll(async () => {
  await fake?.close();
  await t?.drop();
});

const event = {
  id: "evt_route_1",
  object: "event",
  type: "invoice.paid",
  created: 1_700_000_000,
  data: { object: {} },
};

function post(body: string, secret = SECRET) {
  const signature = signer.webhooks.generateTestHeaderString({ payload: body, secret });
  return POST(
    new Request("http://localhost/api/stripe/webhook", {
      method: "POST",
      headers: { "stripe-signature": signature },
      body,
    }),
  );
}

const stored = async () => (await t.admin`select id from stripe_events`).map((r) => r.id);

describe("POST /api/stripe/webhook", () => {
  it("rejects a forged signature with 400 and stores nothing", async () => {
    const res = await post(JSON.stringify(event), "whsec_someone_else");
    expect(res.status).toBe(400);
    expect(await stored()).toEqual([]);
  });

  it("stores a verified event once; a replay is a 200 duplicate", async () => {
    const body = JSON.stringify(event);
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    expect(await (await post(body)).json()).toEqual({ received: true, duplicate: true });
    expect(await stored()).toEqual(["evt_route_1"]);
  });

  it("also accepts an event signed with the Connect endpoint's secret", async () => {
    const connected = { ...event, id: "evt_route_connect", account: "acct_route" };
    const res = await post(JSON.stringify(connected), CONNECT_SECRET);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, duplicate: false });
    expect(await stored()).toContain("evt_route_connect");
  });
});
