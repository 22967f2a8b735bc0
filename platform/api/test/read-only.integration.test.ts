import { markSessionReauthenticated } from "@omnify/core";
import { beforeAll, describe, expect, it } from "vitest";
import { deliver, setupFakeStripe, WEBHOOK_SECRET } from "../../core/test/billing/fake";
import { inviteTokenFrom } from "../../core/test/helpers";
import { createRestFetchHandler } from "../src/index";
import { setupApi, trpcFailure } from "./harness";

const f = setupFakeStripe();
const api = setupApi({
  extra: () => ({ billing: { stripe: f.stripe, webhookSecret: WEBHOOK_SECRET } }),
});
const { world: s } = api;
const BETA = "beta.omnify.test";
const CLIENT = "client.alpha.omnify.test";
const MESSAGE =
  "Your workspace is read-only because payment is overdue — update your payment method in Billing";

/** Beta's owner, with a fresh step-up so sensitive procedures get past that gate. */
async function betaOwner() {
  const token = await api.signIn(s.w.beta, s.w.users.betaUser.id);
  await markSessionReauthenticated(api.deps().db, s.w.beta, token);
  return api.callerFor(BETA, token);
}

/** Marks the tenant's subscription past due since `days` ago (as failed renewals would). */
async function pastDue(tenantId: string, days: number) {
  const since = new Date(Date.now() - days * 86_400_000);
  await s.t
    .admin`insert into subscriptions (tenant_id, stripe_subscription_id, plan, status, past_due_since, stripe_version)
    values (${tenantId}, ${`sub_${tenantId}`}, 'pro', 'past_due', ${since}, 1)
    on conflict (tenant_id) do update set status = 'past_due', past_due_since = excluded.past_due_since`;
}

async function expectReadOnly(work: Promise<unknown>) {
  const err = await trpcFailure(work, "FORBIDDEN");
  expect(err.message).toBe(MESSAGE);
  expect(err.cause).toMatchObject({ field: "billing" });
}

let restKey = "";
beforeAll(async () => {
  // Beta subscribes through (fake) Stripe, and makes a key, while it can still write.
  const owner = await betaOwner();
  const { url } = await owner.billing.checkout({ plan: "pro" });
  await deliver(s.t.app, f.stripe, await f.fake.completeCheckout(url.split("/").pop() ?? ""));
  const key = await owner.apiKeys.create({
    name: "Zapier",
    scopes: ["members:read", "members:write"],
    expiresInDays: 30,
  });
  restKey = key.key;
});

describe("read-only workspace (payment overdue past the grace period)", () => {
  it("inside the grace period everything still writes", async () => {
    await pastDue(s.w.beta, 3);
    const owner = await betaOwner();
    expect((await owner.billing.current()).readOnly).toBe(false);
    await owner.roles.create({ name: "Grace editors", permissions: [] });
  });

  it("after the grace: reads work, mutations on every router are refused naming billing, nothing is written", async () => {
    await pastDue(s.w.beta, 10);
    const owner = await betaOwner();
    expect((await owner.billing.current()).readOnly).toBe(true);
    expect((await owner.members.find()).members.length).toBeGreaterThan(0);
    expect(Array.isArray((await owner.roles.find()).roles)).toBe(true);

    await expectReadOnly(
      owner.members.invite({ email: "late@people.test", role: "agency_member" }),
    );
    await expectReadOnly(owner.roles.create({ name: "Too late", permissions: [] }));
    await expectReadOnly(
      owner.apiKeys.create({ name: "Another", scopes: ["members:read"], expiresInDays: 30 }),
    );
    // plugins.install runs on its own transactions (memberProcedure): same guard.
    await expectReadOnly(
      owner.plugins.install({
        pluginId: "hello-world",
        version: "1.0.0",
        consentedCapabilities: {},
      }),
    );
    const written = await s.t.admin`
      select (select count(*) from invitations where tenant_id = ${s.w.beta})::int as invitations,
             (select count(*) from custom_roles where tenant_id = ${s.w.beta} and name = 'Too late')::int as roles`;
    expect(written[0]).toEqual({ invitations: 0, roles: 0 });
  });

  it("an invitation sent before the lock cannot be accepted during it, and works once paid", async () => {
    await pastDue(s.w.beta, 3);
    const owner = await betaOwner();
    await owner.members.invite({ email: "joiner@people.test", role: "agency_member" });
    const token = inviteTokenFrom(api.mailer.sent.at(-1));
    await pastDue(s.w.beta, 10);
    const visitor = await api.callerFor(BETA);
    const accept = () =>
      visitor.invitations.accept({ token, name: "Joiner", password: "a long enough password" });
    const err = await trpcFailure(accept(), "FORBIDDEN");
    expect(err.message).toMatch(/read-only while a payment is overdue/);
    expect(err.cause).toMatchObject({ field: "token" });
    const [joined] = await s.t.admin`
      select count(*)::int as n from users where email = 'joiner@people.test'`;
    expect(joined?.n).toBe(0);
    await s.t.admin`update subscriptions set status = 'active', past_due_since = null
      where tenant_id = ${s.w.beta}`;
    expect(await accept()).toMatchObject({ role: "agency_member", created: true });
  });

  it("still lets them pay and look after their own account", async () => {
    await pastDue(s.w.beta, 10);
    const owner = await betaOwner();
    expect((await owner.billing.portal()).url).toMatch(/\/portal\/bps_/);
    const other = await api.signIn(s.w.beta, s.w.users.betaUser.id);
    const { sessions } = await owner.account.findSessions();
    const target = sessions.find((x) => !x.current);
    expect(target).toBeDefined();
    await owner.account.revokeSession({ id: target?.id ?? "" });
    await trpcFailure((await api.callerFor(BETA, other)).members.find(), "UNAUTHORIZED");
  });

  it("covers a sub-account of a read-only agency", async () => {
    await pastDue(s.w.alpha, 10);
    const clientUser = await api.as(CLIENT, s.w.client, s.w.users.clientUser.id);
    expect((await clientUser.members.find()).members.length).toBeGreaterThan(0);
    const admin = await api.as(CLIENT, s.w.client, s.w.users.admin.id);
    await expectReadOnly(
      admin.members.invite({ email: "sub@people.test", role: "subaccount_member" }),
    );
    await s.t.admin`delete from subscriptions where tenant_id = ${s.w.alpha}`;
  });

  it("the REST API refuses anything but GET the same way", async () => {
    await pastDue(s.w.beta, 10);
    const handle = createRestFetchHandler(api.deps());
    const request = (method: string, path: string, body?: unknown) =>
      handle(
        new Request(`http://omnify.test/api/v1${path}`, {
          method,
          headers: {
            host: "omnify.test",
            authorization: `Bearer ${restKey}`,
            ...(body ? { "content-type": "application/json" } : {}),
          },
          ...(body ? { body: JSON.stringify(body) } : {}),
        }),
      );
    expect((await request("GET", "/members")).status).toBe(200);
    const post = await request("POST", "/members/invitations", {
      email: "rest-late@people.test",
      role: "agency_member",
    });
    expect(post.status).toBe(403);
    expect((await post.json()).error).toMatchObject({ message: MESSAGE, field: "billing" });
  });
});
