import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "../src/auth/authenticate";
import { findEffectiveRole } from "../src/auth/effective-role";
import { acceptInvitation } from "../src/members/accept-invitation";
import { getInvitation } from "../src/members/get-invitation";
import { inviteMember } from "../src/members/invite-member";
import type { ResolvedTenant } from "../src/tenancy/resolved-tenant";

import {
  capturingMailer,
  collectEvents,
  domainFailure,
  inviteTokenFrom,
  setupWorld,
} from "./helpers";
import { PASSWORD, testConfig } from "./seed";

const s = setupWorld();
beforeEach(async () => {
  await s.t.admin`delete from invitations`;
});

/** Invites through the real code path and returns the token from the e-mail. */
async function invited(tenant: ResolvedTenant, email: string, role: string): Promise<string> {
  const mailer = capturingMailer();
  await inviteMember(s.t.app, {
    tenant,
    actor: { userId: s.w.users.owner.id, role: "agency_owner" },
    email,
    role,
    mailer,
    config: testConfig,
  });
  return inviteTokenFrom(mailer.sent[0]);
}

describe("getInvitation", () => {
  it("shows the branded details and whether an account exists", async () => {
    const token = await invited(s.client, "fresh@people.test", "subaccount_member");
    expect(await getInvitation(s.t.app, s.client, token)).toEqual({
      email: "fresh@people.test",
      role: "subaccount_member",
      status: "pending",
      expiresAt: expect.any(Date),
      accountExists: false,
      tenant: {
        kind: "subaccount",
        name: "Client Co",
        themeId: "grove",
        brand: {},
        agencyName: "Alpha Agency",
      },
    });
    const existing = await invited(s.client, "outsider@people.test", "subaccount_member");
    expect((await getInvitation(s.t.app, s.client, existing))?.accountExists).toBe(true);
  });

  it("returns null for unknown tokens and tokens of another tenant", async () => {
    const token = await invited(s.alpha, "fresh@people.test", "agency_member");
    expect(await getInvitation(s.t.app, s.beta, token)).toBeNull();
    expect(await getInvitation(s.t.app, s.alpha, "x".repeat(32))).toBeNull();
  });

  it("reports a pending invitation past its expiry as expired", async () => {
    const token = await invited(s.alpha, "late@people.test", "agency_member");
    await s.t.admin`update invitations set expires_at = now() - interval '1 minute'`;
    expect((await getInvitation(s.t.app, s.alpha, token))?.status).toBe("expired");
  });
});

describe("acceptInvitation", () => {
  it("creates a new user, adds the membership and announces member.joined", async () => {
    const token = await invited(s.alpha, "newbie@people.test", "agency_admin");
    let result: Awaited<ReturnType<typeof acceptInvitation>> | undefined;
    const events = await collectEvents(s.t.app, async () => {
      result = await acceptInvitation(s.t.app, {
        tenant: s.alpha,
        token,
        name: " Newbie ",
        password: "a long enough password",
      });
    });
    expect(result).toMatchObject({
      email: "newbie@people.test",
      role: "agency_admin",
      created: true,
    });
    const userId = result?.userId ?? "";
    const [user] = await s.t.admin`select name, password_hash from users where id = ${userId}`;
    expect(user?.name).toBe("Newbie");
    expect(user?.password_hash).toMatch(/^\$argon2id\$/);
    expect(await findEffectiveRole(s.t.app, s.alpha, userId)).toBe("agency_admin");
    const [inv] = await s.t.admin`select status, accepted_at from invitations`;
    expect(inv?.status).toBe("accepted");
    expect(inv?.accepted_at).toBeInstanceOf(Date);
    expect(events).toEqual([
      {
        tenantId: s.w.alpha,
        type: "member.joined",
        data: { userId, email: "newbie@people.test", role: "agency_admin" },
      },
    ]);
    expect(
      await authenticate(s.t.app, {
        email: "newbie@people.test",
        password: "a long enough password",
      }),
    ).toMatchObject({ id: userId });
  });

  it.each([
    [{ password: "a long enough password" }, "name"],
    [{ name: "   ", password: "a long enough password" }, "name"],
    [{ name: "N".repeat(101), password: "a long enough password" }, "name"],
    [{ name: "Newbie" }, "password"],
    [{ name: "Newbie", password: "short" }, "password"],
  ])("names the missing field for a new account (%j)", async (extra, field) => {
    const token = await invited(s.alpha, "newbie2@people.test", "agency_member");
    const error = await domainFailure(
      acceptInvitation(s.t.app, { tenant: s.alpha, token, ...extra }),
    );
    expect(error).toMatchObject({ code: "BAD_INPUT", field });
    const [inv] = await s.t.admin`select status from invitations`;
    expect(inv?.status).toBe("pending");
    expect(await s.t.admin`select 1 from users where email = 'newbie2@people.test'`).toHaveLength(
      0,
    );
  });

  it("links an existing account when its password is given", async () => {
    const token = await invited(s.client, "outsider@people.test", "subaccount_admin");
    const result = await acceptInvitation(s.t.app, { tenant: s.client, token, password: PASSWORD });
    expect(result).toEqual({
      userId: s.w.users.outsider.id,
      email: "outsider@people.test",
      role: "subaccount_admin",
      created: false,
    });
    expect(await findEffectiveRole(s.t.app, s.client, s.w.users.outsider.id)).toBe(
      "subaccount_admin",
    );
  });

  it("links an existing account for the user signed in as it, without a password", async () => {
    const token = await invited(s.beta, "member@people.test", "agency_member");
    const result = await acceptInvitation(s.t.app, {
      tenant: s.beta,
      token,
      signedInUserId: s.w.users.member.id,
    });
    expect(result.userId).toBe(s.w.users.member.id);
  });

  it("refuses to link an existing account without proof", async () => {
    const token = await invited(s.beta, "owner@people.test", "agency_member");
    const cases = [
      {},
      { password: "wrong password!" },
      { signedInUserId: s.w.users.admin.id },
      { name: "Impostor", password: "a long enough password" },
    ];
    for (const extra of cases) {
      const error = await domainFailure(
        acceptInvitation(s.t.app, { tenant: s.beta, token, ...extra }),
      );
      expect(error).toMatchObject({ code: "UNAUTHORIZED", field: "password" });
    }
    expect(await findEffectiveRole(s.t.app, s.beta, s.w.users.owner.id)).toBeNull();
  });

  it("works once: a reused token is refused", async () => {
    const token = await invited(s.alpha, "once@people.test", "agency_member");
    await acceptInvitation(s.t.app, {
      tenant: s.alpha,
      token,
      name: "Once",
      password: "a long enough password",
    });
    const error = await domainFailure(
      acceptInvitation(s.t.app, {
        tenant: s.alpha,
        token,
        name: "Twice",
        password: "a long enough password",
      }),
    );
    expect(error).toMatchObject({ code: "CONFLICT", field: "token" });
  });

  it("refuses expired, replaced, unknown and other-tenant tokens", async () => {
    const input = { name: "X", password: "a long enough password" };
    const expired = await invited(s.alpha, "exp@people.test", "agency_member");
    await s.t.admin`update invitations set expires_at = now() - interval '1 second'`;
    expect(
      await domainFailure(acceptInvitation(s.t.app, { tenant: s.alpha, token: expired, ...input })),
    ).toMatchObject({
      code: "BAD_INPUT",
      field: "token",
      message: "This invitation has expired",
    });

    const old = await invited(s.alpha, "re@people.test", "agency_member");
    await invited(s.alpha, "re@people.test", "agency_member");
    expect(
      await domainFailure(acceptInvitation(s.t.app, { tenant: s.alpha, token: old, ...input })),
    ).toMatchObject({
      code: "BAD_INPUT",
      field: "token",
    });

    for (const token of ["y".repeat(32), "nonsense"]) {
      expect(
        await domainFailure(acceptInvitation(s.t.app, { tenant: s.alpha, token, ...input })),
      ).toMatchObject({
        code: "NOT_FOUND",
        field: "token",
      });
    }
    const alphaToken = await invited(s.alpha, "cross@people.test", "agency_member");
    expect(
      await domainFailure(
        acceptInvitation(s.t.app, { tenant: s.beta, token: alphaToken, ...input }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
  });
});
