import { describe, expect, it } from "vitest";
import { expireStaleInvitations } from "../src/members/expire-stale-invitations";

import { setupWorld } from "./helpers";

const s = setupWorld();

describe("expireStaleInvitations", () => {
  it("expires stale pending invitations in every tenant and nothing else", async () => {
    const row = (tenant: string, email: string, status: string, offsetMinutes: number) => ({
      tenant_id: tenant,
      email,
      role: tenant === s.w.client ? "subaccount_member" : "agency_member",
      token_hash: `${tenant}-${email}`,
      status,
      expires_at: new Date(Date.now() + offsetMinutes * 60_000),
    });
    await s.t.admin`insert into invitations ${s.t.admin([
      row(s.w.alpha, "stale-a@x.test", "pending", -5),
      row(s.w.beta, "stale-b@x.test", "pending", -1),
      row(s.w.client, "stale-c@x.test", "pending", -60),
      row(s.w.alpha, "fresh@x.test", "pending", 60),
      row(s.w.beta, "done@x.test", "accepted", -60),
      row(s.w.beta, "gone@x.test", "revoked", -60),
    ])}`;

    expect(await expireStaleInvitations(s.t.app)).toBe(3);
    const rows = await s.t.admin<{ email: string; status: string }[]>`
      select email, status from invitations order by email`;
    expect(Object.fromEntries(rows.map((r) => [r.email, r.status]))).toEqual({
      "done@x.test": "accepted",
      "fresh@x.test": "pending",
      "gone@x.test": "revoked",
      "stale-a@x.test": "expired",
      "stale-b@x.test": "expired",
      "stale-c@x.test": "expired",
    });
    expect(await expireStaleInvitations(s.t.app)).toBe(0);
    expect(await expireStaleInvitations(s.t.app, new Date(Date.now() + 2 * 3_600_000))).toBe(1);
  });
});
