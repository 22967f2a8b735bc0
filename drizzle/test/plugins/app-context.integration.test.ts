import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../src/testing";
import { type PluginWorld, pluginWorld } from "./fixtures";

let t: TestDatabase;
let w: PluginWorld;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await pluginWorld(t);
});
afterAll(() => t?.drop());

/** The core login keeps the plain setting: no signature, and no transaction id spent. */
describe("app.current_tenant() for the core app login", () => {
  it("trusts app.tenant_id without a signature and assigns no xid to a read", async () => {
    const [row] = await t.app.withTenant(w.seed.agencyA, (tx) =>
      tx.execute<{ tenant: string; xid: string | null; sig: string | null }>(
        sql`select app.current_tenant() as tenant, pg_current_xact_id_if_assigned()::text as xid,
          nullif(current_setting('app.tenant_sig', true), '') as sig`,
      ),
    );
    expect(row).toEqual({ tenant: w.seed.agencyA, xid: null, sig: null });
  });

  it("follows a set_config switch inside one transaction, as tenants:sync does", async () => {
    const seen = await t.app.withTenant(w.seed.agencyA, async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${w.seed.agencyB}, true)`);
      return tx.execute<{ slug: string }>(sql`select slug from tenants order by slug`);
    });
    expect(seen.map((r) => r.slug)).toEqual(["beta"]);
  });

  it("cannot enter a tenant through the plugin door", async () => {
    const error = await t.app
      .withTenant(w.seed.agencyA, (tx) =>
        tx.execute(sql`select app.enter_tenant(${w.seed.agencyB}, ${w.hostToken})`),
      )
      .then(
        () => null,
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message}`,
      );
    expect(error).toMatch(/permission denied for function enter_tenant/);
  });
});
