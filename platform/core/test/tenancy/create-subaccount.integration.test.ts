import { describe, expect, it } from "vitest";
import { planById } from "../../src/billing";
import { createSubaccount } from "../../src/tenancy/create-subaccount";
import { domainFailure, setupWorld } from "../helpers";

const s = setupWorld();

const create = (slug: string, name = `Client ${slug}`) =>
  s.t.app.withTenant(s.w.alpha, (tx) =>
    createSubaccount(tx, s.alpha, { userId: s.w.users.owner.id }, { slug, name }),
  );
const count = async () =>
  (await s.t.admin`select count(*)::int as n from tenants where parent_id = ${s.w.alpha}`)[0]?.n;

describe("creating a sub-account", () => {
  it("adds a client workspace in the agency's theme, audited", async () => {
    expect(await domainFailure(create("client"))).toMatchObject({
      field: "slug",
      message: '"client" is already a sub-account',
    });
    const created = await create("bakery", "Acme Bakery");
    expect(created).toMatchObject({ slug: "bakery", name: "Acme Bakery" });
    const [row] = await s.t
      .admin`select kind, parent_id, theme_id from tenants where id = ${created.id}`;
    expect(row).toMatchObject({ kind: "subaccount", parent_id: s.w.alpha, theme_id: "aurora" });
    const [audit] = await s.t
      .admin`select action from audit_log where tenant_id = ${s.w.alpha} and action = 'subaccount.created'`;
    expect(audit?.action).toBe("subaccount.created");
  });

  it("names the bad field and writes nothing", async () => {
    const before = await count();
    expect(await domainFailure(create("Not A Slug"))).toMatchObject({ field: "slug" });
    expect(await domainFailure(create("ok-slug", " "))).toMatchObject({ field: "name" });
    expect(await count()).toBe(before);
  });

  it("stops at the plan's sub-account limit with the upgrade message", async () => {
    const cap = planById("free").limits.subaccounts ?? 0;
    expect(await count()).toBe(cap); // client, other and bakery
    const err = await domainFailure(create("one-too-many"));
    expect(err).toMatchObject({ code: "FORBIDDEN", field: "subaccounts" });
    expect(err.message).toBe(
      `Your Free plan allows ${cap} sub-accounts (${cap} in use): upgrade to Basic in Settings → Billing`,
    );
    expect(await count()).toBe(cap);
  });

  it("is for agencies only", async () => {
    await expect(
      s.t.app.withTenant(s.w.client, (tx) =>
        createSubaccount(
          tx,
          s.client,
          { userId: s.w.users.clientUser.id },
          { slug: "x", name: "X" },
        ),
      ),
    ).rejects.toThrow(/Only an agency/);
  });
});
