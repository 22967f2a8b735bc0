import { describe, expect, it } from "vitest";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;

describe("tenant procedures: who gets in", () => {
  it("answers NOT_FOUND on an unknown, malformed or platform host", async () => {
    for (const host of ["nobody.omnify.test", "omnify.test", "bad_host", "127.0.0.1"]) {
      const caller = await api.callerFor(host);
      await trpcFailure(caller.branding.get(), "NOT_FOUND");
      await trpcFailure(caller.members.find(), "NOT_FOUND");
    }
  });

  it("refuses a caller without a session (UNAUTHORIZED)", async () => {
    const caller = await api.callerFor("alpha.omnify.test");
    await trpcFailure(caller.members.find(), "UNAUTHORIZED");
    await trpcFailure(caller.realtime.token(), "UNAUTHORIZED");
    const garbage = await api.callerFor("alpha.omnify.test", "not-a-real-token");
    await trpcFailure(garbage.members.find(), "UNAUTHORIZED");
  });

  it("does not honour tenant A's session on tenant B's host", async () => {
    const token = await api.signIn(s.w.alpha, s.w.users.owner.id);
    const onBeta = await api.callerFor("beta.omnify.test", token);
    await trpcFailure(onBeta.members.find(), "UNAUTHORIZED");
  });

  it("refuses tenant A's user holding a session on tenant B (FORBIDDEN)", async () => {
    const token = await api.signIn(s.w.beta, s.w.users.owner.id);
    const onBeta = await api.callerFor("beta.omnify.test", token);
    await trpcFailure(onBeta.members.find(), "FORBIDDEN");
    await trpcFailure(onBeta.realtime.token(), "FORBIDDEN");
  });

  it("keeps an agency member out of a sub-account but lets an agency admin in", async () => {
    const memberToken = await api.signIn(s.w.client, s.w.users.member.id);
    const member = await api.callerFor("client.alpha.omnify.test", memberToken);
    await trpcFailure(member.members.find(), "FORBIDDEN");

    const adminToken = await api.signIn(s.w.client, s.w.users.admin.id);
    const admin = await api.callerFor("client.alpha.omnify.test", adminToken);
    const { members } = await admin.members.find();
    expect(members.map((m) => m.email)).toEqual(["clientuser@people.test"]);
  });

  it("lets a revoked session in no more", async () => {
    const { revokeAuthSession } = await import("@omnify/core");
    const token = await api.signIn(s.w.alpha, s.w.users.owner.id);
    const caller = await api.callerFor("alpha.omnify.test", token);
    await expect(caller.members.find()).resolves.toBeTruthy();
    await revokeAuthSession(s.t.app, s.w.alpha, token);
    await trpcFailure(caller.members.find(), "UNAUTHORIZED");
  });
});

describe("branding.get", () => {
  it("is public and returns what a branded sign-in page needs", async () => {
    const caller = await api.callerFor("client.alpha-agency.co.uk");
    expect(await caller.branding.get()).toEqual({
      kind: "subaccount",
      name: "Client Co",
      slug: "client",
      themeId: "grove",
      brand: {},
      agency: { name: "Alpha Agency", slug: "alpha", themeId: "aurora" },
    });
  });
});

describe("subaccounts.find", () => {
  it("lists the agency's sub-accounts with portal URLs for agency staff", async () => {
    for (const user of [s.w.users.owner, s.w.users.member]) {
      const caller = await api.callerFor("alpha.omnify.test", await api.signIn(s.w.alpha, user.id));
      const { items } = await caller.subaccounts.find();
      expect(items).toEqual([
        expect.objectContaining({ slug: "client", portalUrl: "https://client.alpha.omnify.test" }),
        expect.objectContaining({ slug: "other", portalUrl: "https://other.alpha.omnify.test" }),
      ]);
    }
  });

  it("uses the host the agency was reached on (custom domain)", async () => {
    const token = await api.signIn(s.w.alpha, s.w.users.owner.id);
    const caller = await api.callerFor("alpha-agency.co.uk", token);
    const { items } = await caller.subaccounts.find();
    expect(items[0]?.portalUrl).toBe("https://client.alpha-agency.co.uk");
  });

  it("is refused to sub-account users and on a sub-account host", async () => {
    const clientToken = await api.signIn(s.w.client, s.w.users.clientUser.id);
    const client = await api.callerFor("client.alpha.omnify.test", clientToken);
    await trpcFailure(client.subaccounts.find(), "FORBIDDEN");
    const ownerToken = await api.signIn(s.w.client, s.w.users.owner.id);
    const owner = await api.callerFor("client.alpha.omnify.test", ownerToken);
    await trpcFailure(owner.subaccounts.find(), "FORBIDDEN");
  });
});
