import { describe, expect, it } from "vitest";
import { authenticate } from "../src/auth/authenticate";
import { findEffectiveRole } from "../src/auth/effective-role";
import { verifyPassword } from "../src/auth/password";

import { setupWorld, tenantAt } from "./helpers";
import { PASSWORD } from "./seed";

const s = setupWorld();

describe("findEffectiveRole", () => {
  it("returns the membership role in the tenant itself", async () => {
    expect(await findEffectiveRole(s.t.app, s.alpha, s.w.users.owner.id)).toBe("agency_owner");
    expect(await findEffectiveRole(s.t.app, s.alpha, s.w.users.member.id)).toBe("agency_member");
    expect(await findEffectiveRole(s.t.app, s.client, s.w.users.clientUser.id)).toBe(
      "subaccount_member",
    );
  });

  it("lets agency owners and admins into sub-accounts with their agency role", async () => {
    expect(await findEffectiveRole(s.t.app, s.client, s.w.users.owner.id)).toBe("agency_owner");
    expect(await findEffectiveRole(s.t.app, s.client, s.w.users.admin.id)).toBe("agency_admin");
  });

  it("keeps agency members out of sub-accounts they were not added to", async () => {
    expect(await findEffectiveRole(s.t.app, s.client, s.w.users.member.id)).toBeNull();
    await s.t.admin`insert into memberships (tenant_id, user_id, role)
      values (${s.w.other}, ${s.w.users.member.id}, 'subaccount_admin')`;
    const other = await tenantAt(s.t.app, "other.alpha.omnify.test");
    expect(await findEffectiveRole(s.t.app, other, s.w.users.member.id)).toBe("subaccount_admin");
  });

  it("refuses other tenants' users, unknown users and sub-account users upstairs", async () => {
    expect(await findEffectiveRole(s.t.app, s.alpha, s.w.users.betaUser.id)).toBeNull();
    expect(await findEffectiveRole(s.t.app, s.beta, s.w.users.owner.id)).toBeNull();
    expect(await findEffectiveRole(s.t.app, s.alpha, s.w.users.clientUser.id)).toBeNull();
    expect(await findEffectiveRole(s.t.app, s.alpha, s.w.users.outsider.id)).toBeNull();
    expect(
      await findEffectiveRole(s.t.app, s.alpha, "00000000-0000-4000-8000-000000000000"),
    ).toBeNull();
  });

  it("admits platform admins everywhere", async () => {
    for (const tenant of [s.alpha, s.client, s.beta]) {
      expect(await findEffectiveRole(s.t.app, tenant, s.w.users.platformAdmin.id)).toBe(
        "platform_admin",
      );
    }
  });
});

describe("authenticate", () => {
  it("returns the user for the right password, case-insensitively by e-mail", async () => {
    expect(
      await authenticate(s.t.app, { email: " OWNER@people.test ", password: PASSWORD }),
    ).toEqual({
      id: s.w.users.owner.id,
      name: "owner",
      email: "owner@people.test",
      isPlatformAdmin: false,
    });
  });

  it.each([
    ["owner@people.test", "wrong password!"],
    ["nobody@people.test", PASSWORD],
    ["", PASSWORD],
  ])("returns null for %j / wrong pairing", async (email, password) => {
    expect(await authenticate(s.t.app, { email, password })).toBeNull();
  });

  it("runs one real argon2 verification on every path, so timing does not reveal accounts", async () => {
    const calls: string[] = [];
    const counting: typeof verifyPassword = async (hash, password) => {
      calls.push(hash.slice(0, 9));
      return verifyPassword(hash, password);
    };
    for (const email of ["nobody@people.test", "owner@people.test", ""]) {
      calls.length = 0;
      expect(
        await authenticate(s.t.app, { email, password: "wrong password!" }, counting),
      ).toBeNull();
      expect(calls, email).toEqual(["$argon2id"]);
    }
  });
});
