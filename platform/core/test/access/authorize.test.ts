import { describe, expect, it } from "vitest";
import type { Action } from "../../src/access/actions";
import { type Actor, authorize } from "../../src/access/authorize";

const SUB_A = "00000000-0000-4000-8000-00000000000a";
const SUB_B = "00000000-0000-4000-8000-00000000000b";

// Columns of the matrix. `access(A)`/`access(B)` open a specific sub-account.
const COLUMNS = [
  "members.read",
  "members.invite",
  "members.remove",
  "members.changeRole",
  "roles.manage",
  "subaccounts.read",
  "subaccounts.create",
  "access(A)",
  "access(B)",
  "billing.read",
  "billing.manage",
  "apiKeys.manage",
  "domains.manage",
  "audit.read",
  "plugins.read",
  "plugins.install",
  "plugins.configure",
  "settings.manage",
  "tenant.admin",
  "module.analytics.read",
  "module.analytics.write",
  "module.utm-links.read",
  "module.utm-links.write",
  "module.billing.read",
] as const;

const actor = (role: Actor["role"], extra: Partial<Actor> = {}): Actor => ({
  userId: "u",
  role,
  permissions: null,
  ...extra,
});
const custom = ["members:write", "audit:read", "utm-links:read", "subaccounts:read"];

/**
 * Written out by hand, not derived from the grant table: Y = allowed, . = denied. Columns
 * in the order above (grouped in fours for reading).
 */
const ROWS: Array<[string, Actor, "agency" | "subaccount", string]> = [
  ["platform admin", actor("platform_admin"), "agency", "YYYY YYYY YYYY YYYY YYYY YYYY"],
  ["agency owner", actor("agency_owner"), "agency", "YYYY YYYY YYYY YYYY YYYY YYYY"],
  ["agency admin", actor("agency_admin"), "agency", "YYYY YYYY YY.Y YYYY YYYY YYYY"],
  ["agency member", actor("agency_member"), "agency", "Y... .Y.Y Y... ..Y. ...Y YYY."],
  [
    "custom role (members:write, audit:read, utm-links:read, subaccounts:read)",
    actor("agency_member", { permissions: custom }),
    "agency",
    "YYY. .Y.Y Y... .Y.. .... .Y..",
  ],
  [
    "custom role (plugins:write): configures plugins, never installs them",
    actor("agency_member", { permissions: ["plugins:write"] }),
    "agency",
    ".... .... .... ..Y. Y... ....",
  ],
  [
    "restricted agency member (assigned A)",
    actor("agency_member", { restrictedTo: [SUB_A] }),
    "agency",
    "Y... .Y.Y .... ..Y. ...Y YYY.",
  ],
  [
    "agency owner, custom role ignored",
    actor("agency_owner", { permissions: [] }),
    "agency",
    "YYYY YYYY YYYY YYYY YYYY YYYY",
  ],
  [
    "agency owner on a sub-account",
    actor("agency_owner"),
    "subaccount",
    "YYYY .... .YYY YYYY YYYY YYYY",
  ],
  ["sub-account admin", actor("subaccount_admin"), "subaccount", "YYYY .... .Y.Y YYYY YYYY YYYY"],
  ["sub-account member", actor("subaccount_member"), "subaccount", "Y... .... .... ..Y. ...Y YYY."],
];

function decide(who: Actor, column: string, kind: "agency" | "subaccount"): boolean {
  const tenant = { id: "t", kind };
  const sub = /^access\(([AB])\)$/.exec(column)?.[1];
  if (sub) {
    const subaccountId = sub === "A" ? SUB_A : SUB_B;
    return authorize(who, "subaccounts.access", { tenant, subaccountId }).allowed;
  }
  return authorize(who, column as Action, { tenant }).allowed;
}

describe("authorize: roles × actions", () => {
  for (const [label, who, kind, expected] of ROWS) {
    it(label, () => {
      const cells = expected.replace(/ /g, "");
      expect(cells).toHaveLength(COLUMNS.length);
      const actual = COLUMNS.map((c) => (decide(who, c, kind) ? "Y" : ".")).join("");
      // Compare per column so a failure names the action.
      const diff = COLUMNS.filter((_, i) => actual[i] !== cells[i]);
      expect(diff, `${label}: got ${actual}`).toEqual([]);
    });
  }
});

describe("authorize: reasons and edge cases", () => {
  it("explains a denial", () => {
    const member = actor("agency_member");
    expect(authorize(member, "billing.read", { tenant: { id: "t", kind: "agency" } })).toEqual({
      allowed: false,
      reason: "Your role does not allow read access to billing",
    });
    expect(authorize(member, "roles.manage", { tenant: { id: "t", kind: "agency" } })).toEqual({
      allowed: false,
      reason: "Only owners and admins can do this",
    });
    const restricted = actor("agency_member", { restrictedTo: [] });
    expect(
      authorize(restricted, "subaccounts.access", {
        tenant: { id: "t", kind: "agency" },
        subaccountId: SUB_A,
      }),
    ).toEqual({ allowed: false, reason: "You are not assigned to this sub-account" });
  });

  it("refuses unknown and malformed actions", () => {
    const owner = actor("agency_owner");
    for (const bad of ["members.delete", "module..read", "module.Bad Id.read", "module.x.admin"]) {
      expect(authorize(owner, bad as Action, { tenant: { id: "t", kind: "agency" } }).allowed).toBe(
        false,
      );
    }
  });

  it("lets write imply read in custom grants", () => {
    const writer = actor("subaccount_member", { permissions: ["analytics:write"] });
    const tenant = { id: "t", kind: "subaccount" as const };
    expect(authorize(writer, "module.analytics.read", { tenant }).allowed).toBe(true);
    expect(authorize(writer, "members.read", { tenant }).allowed).toBe(false);
  });
});
