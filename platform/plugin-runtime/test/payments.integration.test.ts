import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLocalStorage, installPlugin, registerPluginVersion } from "@omnify/core";
import { createAppDatabase } from "@omnify/db";
import { buildPlugin } from "@omnify/plugin-host";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliver, setupFakeStripe } from "../../core/test/billing/fake";
import { setupWorld } from "../../core/test/helpers";
import { objectOf } from "../../core/test/payments/objects";
import { type RunningRuntime, startPluginRuntime } from "../src/start";

const s = setupWorld();
const f = setupFakeStripe();
let runtime: RunningRuntime;
const CAPS = {
  payments: { providers: ["stripe"] },
  events: { subscribe: ["payments.succeeded", "payments.refunded"] },
};

beforeAll(async () => {
  const dir = fileURLToPath(new URL("./fixtures/rt-pay/", import.meta.url));
  const built = await buildPlugin(`${dir}plugin.ts`, { root: dir });
  const registrar = createAppDatabase(s.t.adminUrl, { max: 1 });
  try {
    await registerPluginVersion(registrar, {
      record: {
        id: built.manifest.id,
        version: built.manifest.version,
        manifest: built.manifest as unknown as Record<string, unknown>,
        server: { file: "server.js", sha256: built.sha256 },
        ui: null,
        migrations: [],
      },
      serverCode: built.code,
      migrationSql: {},
    });
  } finally {
    await registrar.close();
  }
  await installPlugin(s.t.app, {
    tenantId: s.w.alpha,
    actor: { userId: s.w.users.owner.id, role: "agency_owner" },
    pluginId: "rt-pay",
    version: "1.0.0",
    consentedCapabilities: CAPS,
    hostApiVersion: "1.1.0",
  });
  runtime = await startPluginRuntime({
    appUrl: s.t.appUrl,
    adminUrl: s.t.adminUrl,
    omnifySecret: "omnify-plugin-runtime-secret-test-only",
    port: 0,
    environment: "test",
    storage: createLocalStorage(mkdtempSync(join(tmpdir(), "omnify-rt-pay-"))),
    payments: { stripe: f.stripe },
    pool: { processes: 1 },
    writeLog: () => {},
  });
}, 120_000);
afterAll(() => runtime?.stop());

async function call<T>(name: string, input?: unknown): Promise<T> {
  const r = await runtime.service.invoke({
    tenantId: s.w.alpha,
    pluginId: "rt-pay",
    kind: "procedure",
    name,
    input,
  });
  if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
  return r.value as T;
}

describe("ctx.payments through the runtime service", () => {
  it("takes a destination charge for the plugin's tenant, once per key, and its webhook reaches only that plugin", async () => {
    const { accountId } = await call<{ accountId: string }>("account");
    await f.fake.completeOnboarding(accountId);
    const checkout = await call<{ checkoutId: string; url: string }>("checkout", {
      destination: accountId,
      key: "k1",
    });
    expect(await call("checkout", { destination: accountId, key: "k1" })).toEqual(checkout);
    const session = f.fake.state.checkoutSessions.get(checkout.checkoutId);
    expect(session?.metadata).toMatchObject({
      omnify_tenant: s.w.alpha,
      omnify_plugin: "rt-pay",
      omnify_reference: "booking-k1",
    });
    const events = await f.fake.completeCheckout(checkout.checkoutId);
    await deliver(s.t.app, f.stripe, events);
    const rows = await s.t.admin<{ type: string; source: string; tenant_id: string }[]>`
      select type, source, tenant_id from plugin_events where type like 'payments.%'`;
    expect(rows).toEqual([
      { type: "payments.succeeded", source: "payments:rt-pay", tenant_id: s.w.alpha },
    ]);

    const paymentId = String(objectOf(events[0]).payment_intent);
    const refund = await call<{ amount: number; applicationFeeRefunded: number }>("refund", {
      paymentId,
      amount: 5_000,
    });
    expect(refund).toMatchObject({ amount: 5_000, applicationFeeRefunded: 1_000 });
    expect(f.fake.balance(accountId, "usd")).toBe(4_000);
    await expect(call("refund", { paymentId, amount: 6_000 })).rejects.toThrow(
      /amount: Stripe: Refund amount \(6000\) is greater than unrefunded amount/,
    );
  });

  it("refuses a provider the plugin did not declare", async () => {
    await expect(call("paystack")).rejects.toThrow(
      "payment provider 'paystack' is not declared in capabilities.payments.providers",
    );
  });
});
