import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePlugin } from "../../src/plugins/migrate";
import { createPluginDatabase, type PluginDatabase } from "../../src/plugins/runtime";
import { createTestDatabase, type TestDatabase } from "../../src/testing";
import {
  failureOf,
  LINKS_0001,
  login,
  OTHER_0001,
  type PluginWorld,
  pluginWorld,
} from "./fixtures";

/**
 * The hostile plugin: every statement a plugin could send to cross its schema or tenant.
 * Each is tried twice: through createPluginDatabase (the host's guard in front), and on a
 * raw login as the runtime role inside a tenant transaction, to prove PostgreSQL alone holds
 * if the guard ever lets something through.
 */
let t: TestDatabase;
let w: PluginWorld;
let db: PluginDatabase;
let raw: postgres.Sql;
let A: string;
let B: string;

beforeAll(async () => {
  t = await createTestDatabase();
  w = await pluginWorld(t);
  ({ agencyA: A, agencyB: B } = w.seed);
  await migratePlugin(w.links, { pluginId: "links", migrations: [LINKS_0001] });
  await migratePlugin(w.other, { pluginId: "other", migrations: [OTHER_0001] });
  await t.admin`insert into plugin_links.links (tenant_id, url) values (${A}, 'a1'), (${B}, 'b1')`;
  await t.admin`insert into plugin_other.notes (tenant_id, body) values (${A}, 'other-a')`;
  db = createPluginDatabase({ runtimeUrl: w.links.runtimeUrl, hostToken: w.hostToken, max: 2 });
  raw = login(w.links.runtimeUrl);
});
afterAll(async () => {
  await raw?.end();
  await db?.close();
  await t?.drop();
});

/** A tenant-A transaction as the host opens it, then whatever the plugin sends. */
const inA = <T>(fn: (tx: postgres.TransactionSql) => Promise<T>) =>
  raw.begin(async (tx) => {
    await tx`select app.enter_tenant(${A}, ${w.hostToken})`;
    return fn(tx);
  });
const urls = async (tx: postgres.TransactionSql) =>
  (await tx<{ url: string }[]>`select url from links order by url`).map((r) => r.url);
const hostQuery = (sql: string, params: unknown[] = []) => db.query(A, sql, params, "execute");

describe("hostile plugin SQL: privilege escapes fail with permission errors", () => {
  const denied: [string, string, RegExp][] = [
    [
      "RESET ROLE, then read public.users",
      "select email from public.users",
      /permission denied for table users/,
    ],
    ["read public.tenants", "select * from public.tenants", /permission denied for table tenants/],
    [
      "read public.memberships",
      "select * from public.memberships",
      /permission denied for table memberships/,
    ],
    [
      "read the key table",
      "select * from app_private.plugin_context_key",
      /permission denied for schema app_private/,
    ],
    [
      "read the other plugin",
      "select * from plugin_other.notes",
      /permission denied for schema plugin_other/,
    ],
    [
      "write the other plugin",
      "insert into plugin_other.notes (tenant_id, body) values (gen_random_uuid(), 'x')",
      /permission denied for schema plugin_other/,
    ],
    [
      "read a server file",
      "select pg_read_file('/etc/passwd')",
      /permission denied for function pg_read_file/,
    ],
    [
      "call route_tenant",
      "select * from app.route_tenant('alpha', null, null)",
      /permission denied for function route_tenant/,
    ],
    [
      "call user_for_login",
      "select * from app.user_for_login('a@alpha.test')",
      /permission denied for function user_for_login/,
    ],
    [
      "call tenant_ids",
      "select * from app.tenant_ids()",
      /permission denied for function tenant_ids/,
    ],
    [
      "forge a realtime event",
      `select pg_notify('omnify_events', '{"tenantId":"${"0".repeat(8)}"}')`,
      /permission denied for function pg_notify/,
    ],
  ];
  it.each(denied)("%s", async (_label, sql, message) => {
    expect((await failureOf(hostQuery(sql))).message).toMatch(message);
    const error = await failureOf(
      inA(async (tx) => {
        await tx`reset role`;
        return tx.unsafe(sql);
      }),
    );
    expect(error.message).toMatch(message);
  });

  const ddl: [string, string, RegExp][] = [
    ["SET ROLE omnify_app", "set role omnify_app", /permission denied to set role "omnify_app"/],
    ["SET ROLE postgres", "set role postgres", /permission denied to set role "postgres"/],
    [
      "SET SESSION AUTHORIZATION",
      "set session authorization postgres",
      /permission denied to set session authorization/,
    ],
    [
      "COPY ... TO PROGRAM",
      "copy (select 1) to program 'id'",
      /permission denied to COPY to or from an external program/,
    ],
    [
      "CREATE EXTENSION",
      "create extension if not exists dblink",
      /permission denied to create extension|permission denied for database/,
    ],
    [
      "DISABLE ROW LEVEL SECURITY",
      "alter table links disable row level security",
      /must be owner of table links/,
    ],
    [
      "NO FORCE ROW LEVEL SECURITY",
      "alter table links no force row level security",
      /must be owner of table links/,
    ],
    ["DROP POLICY", "drop policy tenant_isolation on links", /must be owner of relation links/],
    ["TRUNCATE (skips RLS)", "truncate links", /permission denied for table links/],
    [
      "CREATE TABLE in its own schema",
      "create table stash (x text)",
      /permission denied for schema plugin_links/,
    ],
    [
      "CREATE TABLE in public",
      "create table public.stash (x text)",
      /permission denied for schema public/,
    ],
  ];
  it.each(ddl)("%s: refused by the guard, and by PostgreSQL", async (_label, sql, message) => {
    expect((await failureOf(hostQuery(sql))).message).toMatch(/plugins may run SELECT, INSERT/);
    expect((await failureOf(inA((tx) => tx.unsafe(sql)))).message).toMatch(message);
  });

  it("RESET ROLE returns to the login itself, so the role never changes", async () => {
    const who = await inA(async (tx) => {
      await tx`reset role`;
      return tx<{ cu: string; su: string }[]>`select current_user as cu, session_user as su`;
    });
    expect(who[0]).toEqual({ cu: w.links.runtimeRole, su: w.links.runtimeRole });
  });
});

describe("hostile plugin SQL: tenant escapes see nothing or hit RLS", () => {
  it("legit use sees only its own tenant's rows", async () => {
    expect(await inA(urls)).toEqual(["a1"]);
    expect((await hostQuery("select url from links")).rows).toEqual([{ url: "a1" }]);
  });

  it("SET / set_config('app.tenant_id', B) sees neither B's rows nor, now unsigned, A's", async () => {
    expect((await failureOf(hostQuery(`set app.tenant_id = '${B}'`))).message).toMatch(
      /plugins may run/,
    );
    const rows = await db.transaction(A, [
      { sql: "select set_config('app.tenant_id', $1, true)", params: [B], method: "all" },
      { sql: "select url from links", params: [], method: "all" },
    ]);
    expect(rows[1]?.rows).toEqual([]);
    expect(
      await inA(async (tx) => {
        await tx.unsafe(`set local app.tenant_id = '${B}'`);
        return urls(tx);
      }),
    ).toEqual([]);
  });

  it("a signature replayed from another transaction sees nothing", async () => {
    const [stolen] = await inA(
      (tx) => tx<{ sig: string }[]>`select current_setting('app.tenant_sig') as sig`,
    );
    expect(stolen?.sig).toMatch(/^[0-9a-f]{64}$/);
    // Next transaction: no enter_tenant, only A's id and the old signature.
    const seen = await raw.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${A}, true), set_config('app.tenant_sig', ${stolen?.sig ?? ""}, true)`;
      return urls(tx);
    });
    expect(seen).toEqual([]);
  });

  it("app.enter_tenant with a guessed token raises", async () => {
    const error = await failureOf(hostQuery("select app.enter_tenant($1, $2)", [B, "guess"]));
    expect(error.message).toMatch(/host token rejected/);
    expect(error.code).toBe("42501");
  });

  it("inserting or moving a row into tenant B while acting as A is an RLS violation", async () => {
    const insert = await failureOf(
      hostQuery("insert into links (tenant_id, url) values ($1, 'x')", [B]),
    );
    expect(insert.message).toMatch(/new row violates row-level security policy for table "links"/);
    const move = await failureOf(hostQuery("update links set tenant_id = $1", [B]));
    expect(move.message).toMatch(/new row violates row-level security policy/);
    const [b] =
      await t.admin`select count(*)::int as n from plugin_links.links where tenant_id = ${B}`;
    expect(b?.n).toBe(1);
  });

  it("no tenant at all sees nothing, with or without a bare app.tenant_id", async () => {
    expect(await raw.begin(urls)).toEqual([]);
    const bare = await raw.begin(async (tx) => {
      await tx`select set_config('app.tenant_id', ${A}, true)`;
      return urls(tx);
    });
    expect(bare).toEqual([]);
  });
});

describe("hostile plugin SQL: one statement per call", () => {
  it("refuses a multi-statement string in the guard and in the extended protocol", async () => {
    for (const sql of [
      "select 1; reset role",
      "select 1; select set_config('app.tenant_id', '', false)",
    ]) {
      const guarded = await failureOf(hostQuery(sql));
      expect(guarded.message).toMatch(/one statement per call, got 2/);
      const error = await failureOf(
        inA((tx) =>
          tx.unsafe(sql, [], { prepare: false, simple: false } as postgres.UnsafeQueryOptions),
        ),
      );
      expect(error.message).toMatch(/cannot insert multiple commands into a prepared statement/);
    }
  });

  it("leaves nothing on a pooled connection for the next tenant's call", async () => {
    const single = createPluginDatabase({
      runtimeUrl: w.links.runtimeUrl,
      hostToken: w.hostToken,
      max: 1,
    });
    try {
      await single.query(
        A,
        "select set_config('app.tenant_id', $1, false), set_config('omnify.stash', 'secret-of-A', false)",
        [A],
        "all",
      );
      await single.query(A, "select * into temp stash from links", [], "all");
      const next = await single.query(
        B,
        "select current_setting('omnify.stash', true) as stash, to_regclass('pg_temp.stash') as temp, (select array_agg(url) from links) as urls",
        [],
        "execute",
      );
      // RESET ALL keeps a custom setting's name but empties it: the value did not survive.
      expect(next.rows).toEqual([{ stash: "", temp: null, urls: ["b1"] }]);
    } finally {
      await single.close();
    }
  });
});
