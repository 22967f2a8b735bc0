import { eq } from "drizzle-orm";
import { bigint, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/pg-proxy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePlugin } from "../../src/plugins/migrate";
import { createPluginDatabase, type PluginDatabase } from "../../src/plugins/runtime";
import type { PluginQueryLimits } from "../../src/plugins/tenant-transaction";
import { createTestDatabase, type TestDatabase } from "../../src/testing";
import { failureOf, LINKS_0001, type PluginWorld, pluginWorld } from "./fixtures";

let t: TestDatabase;
let w: PluginWorld;
let db: PluginDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await pluginWorld(t);
  await migratePlugin(w.links, { pluginId: "links", migrations: [LINKS_0001] });
  db = createPluginDatabase({
    runtimeUrl: w.links.runtimeUrl,
    hostToken: w.hostToken,
    max: 2,
    limits: { maxRows: 50, maxBytes: 20_000 },
  });
});
afterAll(async () => {
  await db?.close();
  await t?.drop();
});

/** What the plugin declares in its own code; unqualified, so it resolves in its schema. */
const links = pgTable("links", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  tenantId: uuid("tenant_id").notNull(),
  url: text().notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The sandbox side of the bridge, short-circuited: the host fixes the tenant per call. */
const pluginDrizzle = (tenantId: string) =>
  drizzle((sql, params, method) => db.query(tenantId, sql, params, method));

/** A one-connection plugin database with tighter limits, closed afterwards. */
async function withLimits(
  limits: Partial<PluginQueryLimits>,
  fn: (db: PluginDatabase) => Promise<void>,
) {
  const quick = createPluginDatabase({
    runtimeUrl: w.links.runtimeUrl,
    hostToken: w.hostToken,
    max: 1,
    limits,
  });
  try {
    await fn(quick);
  } finally {
    await quick.close();
  }
}

describe("createPluginDatabase", () => {
  it("answers drizzle's pg-proxy calls, and each tenant sees only its own rows", async () => {
    const asA = pluginDrizzle(w.seed.agencyA);
    const asB = pluginDrizzle(w.seed.agencyB);
    const [made] = await asA
      .insert(links)
      .values({ tenantId: w.seed.agencyA, url: "https://a.test" })
      .returning();
    expect(made).toMatchObject({ tenantId: w.seed.agencyA, url: "https://a.test" });
    expect(made?.createdAt).toBeInstanceOf(Date);
    expect(Number.isNaN(made?.createdAt.getTime())).toBe(false);

    const seenByA = await asA.select().from(links).where(eq(links.url, "https://a.test"));
    expect(seenByA.map((r) => r.url)).toEqual(["https://a.test"]);
    expect(await asB.select().from(links)).toEqual([]);
  });

  it("returns arrays for all/values/get and objects for execute", async () => {
    const text = "select $1::int as n, 'x' as s union all select 2, 'y'";
    expect((await db.query(w.seed.agencyA, text, [1], "all")).rows).toEqual([
      [1, "x"],
      [2, "y"],
    ]);
    expect((await db.query(w.seed.agencyA, text, [1], "values")).rows).toEqual([
      [1, "x"],
      [2, "y"],
    ]);
    expect((await db.query(w.seed.agencyA, text, [1], "get")).rows).toEqual([[1, "x"]]);
    expect((await db.query(w.seed.agencyA, text, [1], "execute")).rows).toEqual([
      { n: 1, s: "x" },
      { n: 2, s: "y" },
    ]);
  });

  it("runs a transaction's statements under one tenant and rolls all back on failure", async () => {
    const insert = {
      sql: "insert into links (tenant_id, url) values ($1, $2)",
      method: "execute" as const,
    };
    const error = await failureOf(
      db.transaction(w.seed.agencyA, [
        { ...insert, params: [w.seed.agencyA, "https://rolled-back.test"] },
        { sql: "select 1/0", params: [], method: "all" },
      ]),
    );
    expect(error.message).toMatch(/division by zero/);
    const [count] =
      await t.admin`select count(*)::int as n from plugin_links.links where url = 'https://rolled-back.test'`;
    expect(count?.n).toBe(0);
  });

  it("refuses results over the row or byte cap with a clear error", async () => {
    const rows = await failureOf(
      db.query(w.seed.agencyA, "select g from generate_series(1, 1000) g", [], "all"),
    );
    expect(rows.message).toMatch(/more than 50 rows; page it with LIMIT/);
    const bytes = await failureOf(
      db.query(w.seed.agencyA, "select repeat('x', 1000) from generate_series(1, 40)", [], "all"),
    );
    expect(bytes.message).toMatch(/more than 20000 bytes/);
  });

  it("stops a statement at the statement timeout", async () => {
    await withLimits({ statementTimeoutMs: 200 }, async (quick) => {
      const error = await failureOf(quick.query(w.seed.agencyA, "select pg_sleep(30)", [], "all"));
      expect(error.code).toBe("57014");
    });
  });

  it("ends a call at the host deadline even when the plugin lifts its own timeout", async () => {
    await withLimits({ deadlineMs: 300 }, async (quick) => {
      const error = await failureOf(
        quick.transaction(w.seed.agencyA, [
          { sql: "select set_config('statement_timeout', '0', true)", params: [], method: "all" },
          { sql: "select pg_sleep(30)", params: [], method: "all" },
        ]),
      );
      expect(error.message).toMatch(/exceeded 300 ms/);
      // The connection is clean and usable afterwards.
      const ok = await quick.query(w.seed.agencyA, "select 1 as one", [], "execute");
      expect(ok.rows).toEqual([{ one: 1 }]);
    });
  });

  it("takes the tenant only as a UUID argument", async () => {
    await expect(db.query("alpha' or 1=1", "select 1", [], "all")).rejects.toThrow(
      /tenantId must be a UUID/,
    );
  });
});
