import { beforeEach, describe, expect, it } from "vitest";
import { inviteTokenFrom } from "../../core/test/helpers";
import { PASSWORD } from "../../core/test/seed";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s, mailer } = api;

beforeEach(async () => {
  mailer.sent.length = 0;
  await s.t.admin`delete from invitations`;
});

const { as } = api;

describe("members.invite → invitations.get → invitations.accept", () => {
  it("runs end to end for a new person on a sub-account", async () => {
    const admin = await as("client.alpha.omnify.test", s.w.client, s.w.users.admin.id);
    const invited = await admin.members.invite({
      email: "Newcomer@People.test",
      role: "subaccount_member",
    });
    expect(invited).toEqual({ invitationId: expect.any(String), expiresAt: expect.any(Date) });
    expect(mailer.sent).toHaveLength(1);
    const token = inviteTokenFrom(mailer.sent[0]);
    expect(mailer.sent[0]?.text).toContain(`https://client.alpha.omnify.test/invite/${token}`);

    const pending = await admin.members.find();
    expect(pending.invitations).toEqual([
      expect.objectContaining({ email: "newcomer@people.test", role: "subaccount_member" }),
    ]);

    const visitor = await api.callerFor("client.alpha.omnify.test");
    expect(await visitor.invitations.get({ token })).toMatchObject({
      email: "newcomer@people.test",
      status: "pending",
      accountExists: false,
      tenant: { name: "Client Co", agencyName: "Alpha Agency" },
    });
    const accepted = await visitor.invitations.accept({
      token,
      name: "Newcomer",
      password: "a long enough password",
    });
    expect(accepted).toMatchObject({ role: "subaccount_member", created: true });

    const after = await admin.members.find();
    expect(after.invitations).toEqual([]);
    expect(after.members.map((m) => m.email).sort()).toEqual([
      "clientuser@people.test",
      "newcomer@people.test",
    ]);
    await trpcFailure(visitor.invitations.accept({ token, password: "x" }), "CONFLICT");
  });

  it("accepts as the signed-in user with no password", async () => {
    const owner = await as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
    await owner.members.invite({ email: "outsider@people.test", role: "agency_member" });
    const token = inviteTokenFrom(mailer.sent[0]);
    const outsider = await as("alpha.omnify.test", s.w.alpha, s.w.users.outsider.id);
    expect(await outsider.invitations.accept({ token })).toMatchObject({
      userId: s.w.users.outsider.id,
      created: false,
    });
  });

  it("links an existing account with its password", async () => {
    const owner = await as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
    await owner.members.invite({ email: "betauser@people.test", role: "agency_member" });
    const visitor = await api.callerFor("alpha.omnify.test");
    const token = inviteTokenFrom(mailer.sent[0]);
    await trpcFailure(visitor.invitations.accept({ token }), "UNAUTHORIZED");
    expect(await visitor.invitations.accept({ token, password: PASSWORD })).toMatchObject({
      userId: s.w.users.betaUser.id,
    });
  });

  it("refuses members, wrong roles, bad e-mails and existing members", async () => {
    const member = await as("alpha.omnify.test", s.w.alpha, s.w.users.member.id);
    await trpcFailure(
      member.members.invite({ email: "x@y.test", role: "agency_member" }),
      "FORBIDDEN",
    );

    const admin = await as("alpha.omnify.test", s.w.alpha, s.w.users.admin.id);
    await trpcFailure(
      admin.members.invite({ email: "x@y.test", role: "agency_owner" }),
      "FORBIDDEN",
    );
    await trpcFailure(
      admin.members.invite({ email: "x@y.test", role: "subaccount_member" }),
      "BAD_REQUEST",
    );
    const bad = await trpcFailure(
      admin.members.invite({ email: "nope", role: "agency_member" }),
      "BAD_REQUEST",
    );
    expect(bad.message).toBe("Enter a valid e-mail address");
    await trpcFailure(
      admin.members.invite({ email: "member@people.test", role: "agency_member" }),
      "CONFLICT",
    );
    expect(mailer.sent).toHaveLength(0);
    expect(await s.t.admin`select 1 from invitations`).toHaveLength(0);
  });

  it("answers NOT_FOUND for an unknown invitation token", async () => {
    const visitor = await api.callerFor("alpha.omnify.test");
    await trpcFailure(visitor.invitations.get({ token: "z".repeat(32) }), "NOT_FOUND");
    await trpcFailure(visitor.invitations.accept({ token: "z".repeat(32) }), "NOT_FOUND");
  });
});
