import { validateAuthSession } from "@omnify/core";
import { describe, expect, it } from "vitest";
import { setupApi, trpcFailure } from "./harness";

const api = setupApi();
const { world: s } = api;
const PASSWORD = "correct horse battery";

async function adminCaller(userId = s.w.users.owner.id) {
  const caller = await api.as("alpha.omnify.test", s.w.alpha, userId);
  await caller.account.reauthenticate({ password: PASSWORD });
  return caller;
}

describe("members.remove", () => {
  it("removes a member and revokes their sessions on the agency and its sub-accounts", async () => {
    const { member } = s.w.users;
    const agencySession = await api.signIn(s.w.alpha, member.id);
    await s.t.admin`insert into memberships (tenant_id, user_id, role)
      values (${s.w.other}, ${member.id}, 'subaccount_member')`;
    const ownSubSession = await api.signIn(s.w.other, member.id);
    const clientSession = await api.signIn(s.w.client, member.id);

    const owner = await adminCaller();
    const { sessionsRevoked } = await owner.members.remove({ userId: member.id });
    expect(sessionsRevoked).toBe(2);

    expect(await validateAuthSession(s.t.app, s.w.alpha, agencySession)).toBeNull();
    expect(await validateAuthSession(s.t.app, s.w.client, clientSession)).toBeNull();
    // A direct sub-account membership is the member's own; that access stays.
    expect(await validateAuthSession(s.t.app, s.w.other, ownSubSession)).not.toBeNull();
    const audit = await s.t.admin`select action, metadata from audit_log
      where tenant_id = ${s.w.alpha} and action = 'member.removed'`;
    expect(audit).toHaveLength(1);
    expect(audit[0]?.metadata).toMatchObject({ role: "agency_member", sessionsRevoked: 2 });
  });

  it("refuses without step-up, for plain members, for another tenant's user and the last owner", async () => {
    const fresh = await api.as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
    const noStepUp = await trpcFailure(
      fresh.members.remove({ userId: s.w.users.admin.id }),
      "FORBIDDEN",
    );
    expect(noStepUp.cause).toMatchObject({ field: "stepUp" });

    const owner = await adminCaller();
    await trpcFailure(owner.members.remove({ userId: s.w.users.betaUser.id }), "NOT_FOUND");
    const last = await trpcFailure(
      owner.members.remove({ userId: s.w.users.owner.id }),
      "CONFLICT",
    );
    expect(last.message).toBe("An agency needs at least one owner");

    const beta = await api.as("beta.omnify.test", s.w.beta, s.w.users.betaUser.id);
    await beta.account.reauthenticate({ password: PASSWORD });
    await trpcFailure(beta.members.remove({ userId: s.w.users.admin.id }), "NOT_FOUND");
    const [still] = await s.t.admin`select count(*)::int as n from memberships
      where tenant_id = ${s.w.alpha} and user_id = ${s.w.users.admin.id}`;
    expect(still?.n).toBe(1);
  });
});

describe("members.changeRole", () => {
  it("changes a fixed role within the tenant kind, audited; owners only by owners", async () => {
    const owner = await adminCaller();
    await owner.members.changeRole({ userId: s.w.users.admin.id, role: "agency_member" });
    const [row] = await s.t.admin`select role from memberships
      where tenant_id = ${s.w.alpha} and user_id = ${s.w.users.admin.id}`;
    expect(row?.role).toBe("agency_member");
    await trpcFailure(
      owner.members.changeRole({ userId: s.w.users.admin.id, role: "subaccount_admin" }),
      "BAD_REQUEST",
    );
    const [audit] = await s.t.admin`select metadata from audit_log
      where tenant_id = ${s.w.alpha} and action = 'member.role_changed'`;
    expect(audit?.metadata).toMatchObject({ from: "agency_admin", to: "agency_member" });
  });
});
