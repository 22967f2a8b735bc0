import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Tx, withinTenant } from "../src/client";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { type Seed, seedTwoTenants } from "./fixtures";

let t: TestDatabase;
let seed: Seed;
beforeAll(async () => {
  t = await createTestDatabase();
  seed = await seedTwoTenants(t.admin);
});
afterAll(() => t?.drop());

const slugs = async (tx: Tx) =>
  (await tx.execute<{ slug: string }>(sql`select slug from tenants order by slug`)).map(
    (r) => r.slug,
  );

describe("withinTenant", () => {
  it("switches an open transaction to another tenant and back", async () => {
    const seen = await t.app.withTenant(seed.subA, async (tx) => {
      const before = await slugs(tx);
      const inside = await withinTenant(tx, seed.agencyB, () => slugs(tx));
      const after = await slugs(tx);
      return { before, inside, after };
    });
    expect(seen).toEqual({ before: ["client"], inside: ["beta"], after: ["client"] });
  });

  it("restores the tenant when the inner work throws", async () => {
    const after = await t.app.withTenant(seed.agencyB, async (tx) => {
      await expect(
        withinTenant(tx, seed.agencyA, async () => {
          throw new Error("inner");
        }),
      ).rejects.toThrow("inner");
      return slugs(tx);
    });
    expect(after).toEqual(["beta"]);
  });

  it("refuses a tenant id that is not a UUID", async () => {
    await expect(
      t.app.withTenant(seed.agencyA, (tx) => withinTenant(tx, "nope", async () => 1)),
    ).rejects.toThrow(/tenantId must be a UUID/);
  });
});
