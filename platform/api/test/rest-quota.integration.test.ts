import { markSessionReauthenticated } from "@omnify/core";
import { describe, expect, it } from "vitest";
import { createRestFetchHandler } from "../src/index";
import { setupApi } from "./harness";

const api = setupApi();
const { world: s } = api;
const CLIENT = "client.alpha.omnify.test";

async function newKey() {
  const token = await api.signIn(s.w.client, s.w.users.owner.id);
  await markSessionReauthenticated(api.deps().db, s.w.client, token);
  const caller = await api.callerFor(CLIENT, token);
  return (
    await caller.apiKeys.create({ name: "Zapier", scopes: ["settings:read"], expiresInDays: 30 })
  ).key;
}

const get = (handle: ReturnType<typeof createRestFetchHandler>, key: string) =>
  handle(
    new Request(`http://${CLIENT}/api/v1/branding`, {
      headers: { host: CLIENT, authorization: `Bearer ${key}` },
    }),
  );

describe("monthly API-call quota", () => {
  it("meters each call and answers 429 with the quota and upgrade path once it is used up", async () => {
    // The sub-account runs on its agency's plan, so the override is the agency's.
    await s.t.admin`insert into feature_overrides (tenant_id, key, value)
      values (${s.w.alpha}, 'apiCallsPerMonth', '2')`;
    const handle = createRestFetchHandler(api.deps());
    const key = await newKey();
    expect((await get(handle, key)).status).toBe(200);
    expect((await get(handle, key)).status).toBe(200);
    const refused = await get(handle, key);
    expect(refused.status).toBe(429);
    const body = await refused.json();
    expect(body.error.field).toBe("apiCallsPerMonth");
    expect(body.error.message).toBe(
      "Your Free plan includes 2 API calls a month and 2 are used this month: upgrade to Basic in Settings → Billing",
    );
    const [row] = await s.t.admin`select total::int as total from usage_monthly
      where tenant_id = ${s.w.client} and source = 'core' and meter = 'api.calls'`;
    expect(row?.total).toBe(2);
    const [alert] = await s.t.admin`select threshold from usage_alerts
      where tenant_id = ${s.w.client} and meter = 'api.calls' and threshold = 100`;
    expect(alert?.threshold).toBe(100);
  });
});
