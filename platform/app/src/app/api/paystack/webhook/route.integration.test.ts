import { createHash } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { signPaystackPayload } from "@omnify/fake-paystack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const KEY = "sk_test_paystack_route";
let t: TestDatabase;
let POST: (request: Request) => Promise<Response>;
let tenantId: string;
const CAPS = {
  payments: { providers: ["paystack"] },
  events: { subscribe: ["payments.succeeded"] },
};

beforeAll(async () => {
  t = await createTestDatabase();
  [{ id: tenantId }] = (await t.admin`insert into tenants (kind, slug, name, theme_id)
    values ('agency', 'lagos', 'Lagos Screens', 'aurora') returning id`) as unknown as [
    { id: string },
  ];
  const manifest = {
    id: "billboards",
    version: "1.0.0",
    hostApi: "^1.0.0",
    name: "Billboards",
    description: "",
    capabilities: CAPS,
    settingsForm: [],
    handlers: { procedures: [], events: ["payments.succeeded"], jobs: [] },
  };
  await t.admin`insert into plugin_versions (plugin_id, version, manifest, server_code, server_sha256)
    values ('billboards', '1.0.0', ${t.admin.json(manifest)}, '', ${createHash("sha256").update("").digest("hex")})`;
  await t.admin`insert into plugin_installations (tenant_id, plugin_id, version, status, consented_capabilities)
    values (${tenantId}, 'billboards', '1.0.0', 'enabled', ${t.admin.json(CAPS)})`;
  Object.assign(process.env, {
    OMNIFY_DB_APP_URL: t.appUrl,
    OMNIFY_SECRET: "route-test-secret-0123456789",
    PAYSTACK_SECRET_KEY: KEY,
  });
  ({ POST } = await import("./route"));
});
afterAll(() => t?.drop());

const chargeSuccess = () => ({
  event: "charge.success",
  data: {
    id: 4099260516,
    reference: "omn_route_1",
    status: "success",
    amount: 500_000,
    currency: "NGN",
    metadata: {
      omnify_tenant: tenantId,
      omnify_plugin: "billboards",
      omnify_reference: "booking-9",
      omnify_application_fee: "100000",
      omnify_destination: "ACCT_abc",
    },
  },
});

const post = (body: string, key = KEY) =>
  POST(
    new Request("http://localhost/api/paystack/webhook", {
      method: "POST",
      headers: { "x-paystack-signature": signPaystackPayload(body, key) },
      body,
    }),
  );
const stored = async () => (await t.admin`select id from paystack_events`).map((r) => r.id);
const outbox = () => t.admin`select type, payload, source from plugin_events`;

describe("POST /api/paystack/webhook", () => {
  it("rejects a forged signature with 401 and stores nothing", async () => {
    const res = await post(JSON.stringify(chargeSuccess()), "sk_test_forger");
    expect(res.status).toBe(401);
    expect(await stored()).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it("stores and processes a verified event once; a replay is a 200 duplicate and adds nothing", async () => {
    const body = JSON.stringify(chargeSuccess());
    const first = await post(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({
      received: true,
      duplicate: false,
      outcome: "payments.succeeded for billboards",
    });
    expect(await (await post(body)).json()).toEqual({
      received: true,
      duplicate: true,
      outcome: "already processed",
    });
    expect(await stored()).toEqual(["charge.success:4099260516"]);
    const rows = await outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: "payments.succeeded",
      source: "payments:billboards",
      payload: { provider: "paystack", reference: "booking-9", amount: 500_000, currency: "ngn" },
    });
  });
});
