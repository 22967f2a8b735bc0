import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@omnify/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevHost } from "../../src/dev/dev-host.ts";

// Inside the repo (git-ignored .data) so the plugin resolves @omnify/plugin-sdk.
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const dir = join(root, ".data", `dev-host-test-${randomBytes(3).toString("hex")}`);

const server = (reply: string) => `import { definePlugin } from "@omnify/plugin-sdk";
export default definePlugin({
  id: "dev-check", version: "0.1.0", hostApi: "^1.0.0", name: "Dev check",
  capabilities: { db: { migrations: true }, meters: [{ name: "hits", aggregation: "sum" }] },
  server: { procedures: {
    hello: { handler: async (_i, ctx) => {
      await ctx.meter("hits", 1, "k-" + Math.random());
      ctx.log.info("hello called");
      const [row] = await ctx.db.query("insert into hits (tenant_id) values ($1) returning (select count(*) + 1 from hits)::int as n", [ctx.tenant.id]);
      return { reply: ${JSON.stringify(reply)}, n: row.n };
    } },
  } },
});
`;
const MIGRATION = `create table hits (tenant_id uuid not null, at timestamptz not null default now());
alter table "hits" enable row level security;
alter table "hits" force row level security;
create policy tenant_isolation on "hits" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));
`;

let db: TestDatabase;
let dev: Awaited<ReturnType<typeof startDevHost>>;
const lines: string[] = [];
let reloaded: ((e?: unknown) => void) | undefined;
const nextReload = () => new Promise<unknown>((resolve) => (reloaded = resolve));

const call = async (body: object) => {
  const res = await fetch(`${dev.url}/call`, { method: "POST", body: JSON.stringify(body) });
  return (await res.json()) as {
    ok: boolean;
    value?: { reply: string; n: number };
    error?: { code: string; message: string };
  };
};

beforeAll(async () => {
  mkdirSync(join(dir, "src/server"), { recursive: true });
  mkdirSync(join(dir, "migrations"));
  writeFileSync(join(dir, "package.json"), '{ "name": "dev-check", "type": "module" }');
  writeFileSync(join(dir, "migrations/0001_hits.sql"), MIGRATION);
  writeFileSync(join(dir, "src/server/index.ts"), server("v1"));
  db = await createTestDatabase();
  dev = await startDevHost({
    dir,
    databaseAdminUrl: async () => db.adminUrl,
    print: (l) => lines.push(l),
    onReload: (e) => reloaded?.(e),
  });
});
afterAll(async () => {
  await dev?.close();
  await db?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("omnify-plugin dev", () => {
  it("serves POST /call from the sandbox with a real database, and prints what the plugin did", async () => {
    expect(await call({ tenantId: "t1", procedure: "hello" })).toEqual({
      ok: true,
      value: { reply: "v1", n: 1 },
    });
    expect(await call({ tenantId: "t1", procedure: "hello" })).toMatchObject({ value: { n: 2 } });
    expect(await call({ tenantId: "t2", procedure: "hello" })).toMatchObject({ value: { n: 1 } });
    expect(lines.some((l) => l.includes("meters") && l.includes('"name":"hits"'))).toBe(true);
    expect(lines.some((l) => l.includes("logs") && l.includes("hello called"))).toBe(true);
    expect(await call({ tenantId: "t1", procedure: "nope" })).toMatchObject({
      ok: false,
      error: { code: "unknown_handler" },
    });
  });

  it("rebuilds on save and serves the new code; a broken save keeps the last good build", async () => {
    let done = nextReload();
    writeFileSync(join(dir, "src/server/index.ts"), server("v2"));
    expect(await done).toBeUndefined();
    expect(await call({ tenantId: "t1", procedure: "hello" })).toMatchObject({
      value: { reply: "v2", n: 3 },
    });

    done = nextReload();
    writeFileSync(
      join(dir, "src/server/index.ts"),
      'import fs from "node:fs";\nexport default fs;',
    );
    expect(String(await done)).toMatch(/node:fs.*Node built-in/);
    expect(lines.at(-1)).toMatch(/rebuild failed, still serving the previous build/);
    expect(await call({ tenantId: "t1", procedure: "hello" })).toMatchObject({
      value: { reply: "v2" },
    });
  });
});
