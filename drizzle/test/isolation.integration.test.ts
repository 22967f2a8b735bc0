import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tx } from "../src/client";
import { createTestDatabase, type TestDatabase } from "../src/testing";
import { rowFactories, type Seed, seedTwoTenants, tenantTables } from "./fixtures";

let t: TestDatabase;
let seed: Seed;
let tables: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  seed = await seedTwoTenants(t.admin);
  tables = await tenantTables(t.admin);
  // In passes: a table whose rows point at a table not filled yet (foreign key) waits a pass.
  let pending = tables.filter((table) => rowFactories[table]);
  while (pending.length > 0) {
    const waiting: string[] = [];
    for (const table of pending) {
      const factory = rowFactories[table];
      if (!factory) continue;
      const rows = [factory(seed.agencyA, seed.userA), factory(seed.agencyB, seed.userB)];
      await t.admin`insert into ${t.admin(table)} ${t.admin(rows)}`.catch(
        (e: { code?: string }) => {
          if (e.code !== "23503") throw e;
          waiting.push(table);
        },
      );
    }
    if (waiting.length === pending.length) throw new Error(`cannot seed ${waiting.join(", ")}`);
    pending = waiting;
  }
});
afterAll(() => t?.drop());

/** drizzle wraps the driver's error; the PostgreSQL message sits in `cause`. */
async function expectRlsViolation(work: Promise<unknown>, label: string) {
  const error = await work.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(error, `${label} should fail`).not.toBeNull();
  expect(`${error?.message} ${error?.cause?.message}`, label).toMatch(/row-level security/);
}

const countWhere = async (tx: Tx, table: string, tenantId: string) => {
  const rows = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}`,
  );
  return rows[0]?.n ?? -1;
};

/** Tables the app role may only append to (the audit log): writes fail on privilege. */
const isAppendOnly = async (table: string) => {
  const [row] = await t.admin`select has_table_privilege('omnify_app', ${table}, 'UPDATE') as u`;
  return row?.u === false;
};

async function expectDenied(work: Promise<unknown>, label: string) {
  const error = await work.then(
    () => null,
    (e: unknown) => e as Error & { cause?: Error },
  );
  expect(`${error?.message} ${error?.cause?.message}`, label).toMatch(/permission denied/);
}

describe("tenant isolation, as the app role", () => {
  it("has a fixture for every table that carries tenant_id", () => {
    expect(tables.length).toBeGreaterThanOrEqual(6);
    const missing = tables.filter((table) => !rowFactories[table]);
    expect(missing, "add a row factory in drizzle/test/fixtures.ts").toEqual([]);
  });

  it("shows a tenant its own rows in every table", async () => {
    for (const table of tables) {
      const own = await t.app.withTenant(seed.agencyA, (tx) => countWhere(tx, table, seed.agencyA));
      expect(own, table).toBe(1);
    }
  });

  it("hides, and refuses to update or delete, another tenant's rows", async () => {
    for (const table of tables) {
      if (await isAppendOnly(table)) {
        const seen = await t.app.withTenant(seed.agencyA, (tx) =>
          countWhere(tx, table, seed.agencyB),
        );
        expect(seen, `${table} select`).toBe(0);
        for (const verb of [
          sql`update ${sql.identifier(table)} set tenant_id = tenant_id`,
          sql`delete from ${sql.identifier(table)}`,
        ]) {
          await expectDenied(
            t.app.withTenant(seed.agencyA, (tx) => tx.execute(verb)),
            table,
          );
        }
        continue;
      }
      await t.app.withTenant(seed.agencyA, async (tx) => {
        expect(await countWhere(tx, table, seed.agencyB), `${table} select`).toBe(0);
        const updated = await tx.execute(
          sql`update ${sql.identifier(table)} set tenant_id = tenant_id where tenant_id = ${seed.agencyB}`,
        );
        expect(updated.count, `${table} update`).toBe(0);
        const deleted = await tx.execute(
          sql`delete from ${sql.identifier(table)} where tenant_id = ${seed.agencyB}`,
        );
        expect(deleted.count, `${table} delete`).toBe(0);
      });
      const [still] =
        await t.admin`select count(*)::int as n from ${t.admin(table)} where tenant_id = ${seed.agencyB}`;
      expect(still?.n, `${table} B rows intact`).toBe(1);
    }
  });

  it("rejects inserting a row for another tenant, or moving a row to one", async () => {
    for (const table of tables) {
      const row = rowFactories[table]?.(seed.agencyB, seed.userB) ?? {};
      const columns = Object.keys(row);
      const insert = sql`insert into ${sql.identifier(table)} (${sql.join(
        columns.map((c) => sql.identifier(c)),
        sql`, `,
      )}) values (${sql.join(
        columns.map((c) => sql`${row[c]}`),
        sql`, `,
      )})`;
      await expectRlsViolation(
        t.app.withTenant(seed.agencyA, (tx) => tx.execute(insert)),
        `${table} insert`,
      );
      if (await isAppendOnly(table)) continue; // no UPDATE at all: proven above
      await expectRlsViolation(
        t.app.withTenant(seed.agencyA, (tx) =>
          tx.execute(sql`update ${sql.identifier(table)} set tenant_id = ${seed.agencyB}`),
        ),
        `${table} move`,
      );
    }
  });

  it("shows nothing to a transaction without a tenant", async () => {
    for (const table of tables) {
      const rows = await t.app.withoutTenant((tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`),
      );
      expect(rows[0]?.n, table).toBe(0);
    }
    const tenantsSeen = await t.app.withoutTenant((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from tenants`),
    );
    expect(tenantsSeen[0]?.n).toBe(0);
  });

  it("lets an agency see itself and its sub-accounts, and nobody else", async () => {
    const visible = async (tenant: string) =>
      (
        await t.app.withTenant(tenant, (tx) =>
          tx.execute<{ slug: string }>(sql`select slug from tenants order by slug`),
        )
      ).map((r) => r.slug);
    expect(await visible(seed.agencyA)).toEqual(["alpha", "client"]);
    expect(await visible(seed.agencyB)).toEqual(["beta"]);
    expect(await visible(seed.subA)).toEqual(["client"]);
  });

  it("shows users only to tenants they belong to", async () => {
    const emails = (tenant: string) =>
      t.app.withTenant(tenant, (tx) =>
        tx.execute<{ email: string }>(sql`select email from users order by email`),
      );
    expect((await emails(seed.agencyA)).map((r) => r.email)).toEqual(["a@alpha.test"]);
    expect((await emails(seed.agencyB)).map((r) => r.email)).toEqual(["b@beta.test"]);
  });

  it("leaks no setting from one use of a pooled connection to the next", async () => {
    const single = (await import("../src/client")).createAppDatabase(t.appUrl, { max: 1 });
    try {
      await single.withTenant(seed.agencyA, (tx) => countWhere(tx, "memberships", seed.agencyA));
      const after = await single.withoutTenant((tx) =>
        tx.execute<{ tenant: string | null; n: number }>(
          sql`select current_setting('app.tenant_id', true) as tenant, (select count(*)::int from memberships) as n`,
        ),
      );
      expect(after[0]?.tenant ?? "").toBe("");
      expect(after[0]?.n).toBe(0);
      await expect(
        single.withTenant(seed.agencyA, async () => {
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      const afterError = await single.withoutTenant((tx) =>
        tx.execute<{ n: number }>(sql`select count(*)::int as n from memberships`),
      );
      expect(afterError[0]?.n).toBe(0);
    } finally {
      await single.close();
    }
  });

  it("refuses a tenant id that is not a UUID before touching the database", async () => {
    await expect(t.app.withTenant("alpha' or 1=1", async () => 1)).rejects.toThrow(
      /tenantId must be a UUID/,
    );
  });
});

describe("the isolation suite itself", () => {
  it("notices when a policy is loosened or dropped", async () => {
    const probe = async () => {
      const leaked = await t.app.withTenant(seed.agencyA, (tx) =>
        countWhere(tx, "memberships", seed.agencyB),
      );
      const own = await t.app.withTenant(seed.agencyA, (tx) =>
        countWhere(tx, "memberships", seed.agencyA),
      );
      return { leaked, own };
    };
    expect(await probe()).toEqual({ leaked: 0, own: 1 });
    await t.admin`alter policy tenant_isolation on memberships using (true)`;
    expect((await probe()).leaked).toBe(1);
    await t.admin`drop policy tenant_isolation on memberships`;
    expect((await probe()).own).toBe(0);
    await t.admin`create policy tenant_isolation on memberships for all to omnify_app
      using (tenant_id = (select app.current_tenant()))
      with check (tenant_id = (select app.current_tenant()))`;
    expect(await probe()).toEqual({ leaked: 0, own: 1 });
  });
});
