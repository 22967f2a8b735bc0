import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { timeStep } from "../../core/src/auth/mfa/totp";
import { createTrpcFetchHandler } from "../src/index";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;
const codeNow = (secret: string, offsetSteps = 0) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(timeStep(new Date()) + offsetSteps), 6);

describe("account.* step-up", () => {
  it("refuses sensitive procedures until the session reauthenticates", async () => {
    const caller = await api.as("alpha.omnify.test", s.w.alpha, s.w.users.member.id);
    const refused = await trpcFailure(caller.account.beginMfa(), "FORBIDDEN");
    expect(refused.message).toBe("Confirm it's you to continue");

    const wrong = await trpcFailure(
      caller.account.reauthenticate({ password: "nope-nope-nope" }),
      "BAD_REQUEST",
    );
    expect(wrong.message).toBe("That password is not correct");
    await caller.account.reauthenticate({ password: "correct horse battery" });

    const { secret, qrSvg } = await caller.account.beginMfa();
    expect(qrSvg).toContain("<svg");
    const { recoveryCodes } = await caller.account.confirmMfa({ code: codeNow(secret) });
    expect(recoveryCodes).toHaveLength(10);
    expect(await caller.account.mfaStatus()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
  });

  it("only lets an admin with MFA require it, and not on a sub-account", async () => {
    const admin = await api.as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
    await admin.account.reauthenticate({ password: "correct horse battery" });
    const noMfa = await trpcFailure(admin.account.setRequireMfa({ requireMfa: true }), "CONFLICT");
    expect(noMfa.message).toBe("Turn on two-factor authentication for yourself first");
    const member = await api.as("alpha.omnify.test", s.w.alpha, s.w.users.member.id);
    await trpcFailure(member.account.setRequireMfa({ requireMfa: true }), "FORBIDDEN");
  });
});

describe("account sessions", () => {
  it("lists the user's sessions and revokes one, after which it is refused", async () => {
    const tokenA = await api.signIn(s.w.alpha, s.w.users.admin.id);
    const tokenB = await api.signIn(s.w.alpha, s.w.users.admin.id);
    const a = await api.callerFor("alpha.omnify.test", tokenA);
    const { sessions } = await a.account.findSessions();
    expect(sessions.filter((x) => x.current)).toHaveLength(1);
    const other = sessions.find((x) => !x.current);
    if (!other) throw new Error("second session missing");
    expect(await a.account.revokeSession({ id: other.id })).toEqual({ current: false });

    const b = await api.callerFor("alpha.omnify.test", tokenB);
    await trpcFailure(b.account.findSessions(), "UNAUTHORIZED");
  });
});

describe("CSRF on tRPC mutations", () => {
  const mutation = (headers: Record<string, string>) =>
    new Request("http://alpha.omnify.test/api/trpc/account.requestPasswordReset", {
      method: "POST",
      headers: { host: "alpha.omnify.test", "content-type": "application/json", ...headers },
      body: JSON.stringify(superjson.serialize({ email: "owner@people.test" })),
    });

  it("needs the custom header and the tenant's own Origin", async () => {
    const handle = createTrpcFetchHandler(api.deps());
    const origin = "https://alpha.omnify.test";
    expect((await handle(mutation({ origin }), null)).status).toBe(403);
    expect((await handle(mutation({ "x-omnify-csrf": "1" }), null)).status).toBe(403);
    const foreign = { "x-omnify-csrf": "1", origin: "https://beta.omnify.test" };
    expect((await handle(mutation(foreign), null)).status).toBe(403);
    expect(api.mailer.sent).toHaveLength(0);
    expect((await handle(mutation({ "x-omnify-csrf": "1", origin }), null)).status).toBe(200);
    expect(api.mailer.sent).toHaveLength(1);
  });
});

describe("password reset links", () => {
  it("ignore injected Host and X-Forwarded-Host headers", async () => {
    const before = api.mailer.sent.length;
    const handle = createTrpcFetchHandler(api.deps());
    const request = (host: string) =>
      new Request(`http://${host}/api/trpc/account.requestPasswordReset`, {
        method: "POST",
        headers: {
          host,
          "x-forwarded-host": "evil.example",
          "x-forwarded-proto": "http",
          "x-omnify-csrf": "1",
          origin: `https://${host}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(superjson.serialize({ email: "admin@people.test" })),
      });
    // A Host that is no tenant gets no mail at all.
    expect((await handle(request("evil.example"), null)).status).toBe(404);
    expect(api.mailer.sent.length).toBe(before);
    expect((await handle(request("alpha.omnify.test"), null)).status).toBe(200);
    const mail = api.mailer.sent.at(-1);
    expect(mail?.text).toMatch(/https:\/\/alpha\.omnify\.test\/reset-password\/[a-z2-7]{32}/);
    expect(mail?.text).not.toContain("evil");
  });
});

describe("required MFA", () => {
  it("refuses every procedure but enrolment until a member of a requiring tenant enrols", async () => {
    await s.t.admin`insert into tenant_security_settings (tenant_id, require_mfa)
      values (${s.w.beta}, true)
      on conflict (tenant_id) do update set require_mfa = true`;
    const caller = await api.as("beta.omnify.test", s.w.beta, s.w.users.betaUser.id);
    const refused = await trpcFailure(caller.members.find(), "FORBIDDEN");
    expect(refused.message).toMatch(/requires two-factor authentication/);
    expect(refused.cause).toMatchObject({ field: "mfa" });
    await trpcFailure(caller.realtime.token(), "FORBIDDEN");

    expect(await caller.account.mfaStatus()).toMatchObject({ enabled: false });
    await caller.account.reauthenticate({ password: "correct horse battery" });
    const { secret } = await caller.account.beginMfa();
    await caller.account.confirmMfa({ code: codeNow(secret) });
    expect((await caller.members.find()).members.length).toBeGreaterThan(0);
  });
});
