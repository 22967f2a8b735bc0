import { consumeHandoffToken, verifyRealtimeToken } from "@omnify/core";
import { describe, expect, it } from "vitest";
import { REALTIME_SECRET, setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;

const { as } = api;

describe("auth.createHandoff", () => {
  it("gives an agency owner a one-time URL on the sub-account's host", async () => {
    const owner = await as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
    const { url } = await owner.auth.createHandoff({ subaccountId: s.w.client });
    const parsed = new URL(url);
    expect(parsed.origin).toBe("https://client.alpha.omnify.test");
    expect(parsed.pathname).toBe("/handoff");
    expect(parsed.searchParams.get("callbackUrl")).toBe("/");
    const token = parsed.searchParams.get("token");
    expect(await consumeHandoffToken(s.t.app, s.w.client, token)).toBe(s.w.users.owner.id);
    expect(await consumeHandoffToken(s.t.app, s.w.client, token)).toBeNull();
  });

  it("keeps the custom domain the agency was reached on", async () => {
    const owner = await as("alpha-agency.co.uk", s.w.alpha, s.w.users.owner.id);
    const { url } = await owner.auth.createHandoff({ subaccountId: s.w.client });
    expect(new URL(url).origin).toBe("https://client.alpha-agency.co.uk");
  });

  it("refuses an agency member without a sub-account membership", async () => {
    const member = await as("alpha.omnify.test", s.w.alpha, s.w.users.member.id);
    const before = await s.t.admin`select 1 from handoff_tokens`;
    const error = await trpcFailure(
      member.auth.createHandoff({ subaccountId: s.w.client }),
      "FORBIDDEN",
    );
    expect(error.message).toBe("You have no access to this sub-account");
    expect(await s.t.admin`select 1 from handoff_tokens`).toHaveLength(before.length);
  });

  it("refuses another agency's sub-account and input that is not a UUID", async () => {
    const beta = await as("beta.omnify.test", s.w.beta, s.w.users.betaUser.id);
    await trpcFailure(beta.auth.createHandoff({ subaccountId: s.w.client }), "NOT_FOUND");
    await trpcFailure(beta.auth.createHandoff({ subaccountId: "client" }), "BAD_REQUEST");
  });

  it("is not offered on a sub-account's host", async () => {
    const owner = await as("client.alpha.omnify.test", s.w.client, s.w.users.owner.id);
    await trpcFailure(owner.auth.createHandoff({ subaccountId: s.w.client }), "FORBIDDEN");
  });
});

describe("realtime.token", () => {
  it("signs a token for the member's tenant and user", async () => {
    const caller = await as("client.alpha.omnify.test", s.w.client, s.w.users.clientUser.id);
    const { token, url } = await caller.realtime.token();
    expect(url).toBe("https://rt.omnify.test");
    expect(verifyRealtimeToken(token, REALTIME_SECRET)).toMatchObject({
      tenantId: s.w.client,
      userId: s.w.users.clientUser.id,
    });
  });
});
