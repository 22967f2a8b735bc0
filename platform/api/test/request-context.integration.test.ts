import { loadRequestContext } from "@omnify/core";
import { type AppDatabase, createAppDatabase, memberships, sql } from "@omnify/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tenantAt } from "../../core/test/helpers";
import { createCaller } from "../src/index";
import { setupApi } from "./harness";

/** Statements the app sends, in order, while `counting` is on. */
const sent: string[] = [];
let counting = false;
let db: AppDatabase;

const api = setupApi({ extra: () => ({ db }) });
const { world: s } = api;

beforeAll(() => {
  db = createAppDatabase(s.t.appUrl, {
    max: 2,
    onQuery: (statement) => {
      if (counting) sent.push(statement.replace(/\s+/g, " ").trim());
    },
  });
});
afterAll(() => db.close());

async function recorded(work: () => Promise<unknown>): Promise<string[]> {
  sent.length = 0;
  counting = true;
  try {
    await work();
  } finally {
    counting = false;
  }
  return [...sent];
}

// The request path of a signed-in call: BEGIN, set_config, ONE context query, the
// resolver's own statements, COMMIT. A new per-request lookup must not sneak in.
const REQUEST_PATH = 3;

describe("request context: round trips of a signed-in request", () => {
  it("a signed-in tRPC read is BEGIN, set_config, one context query, the resolver, COMMIT", async () => {
    const owner = await api.as("alpha.omnify.test", s.w.alpha, s.w.users.owner.id);
    await owner.account.findSessions(); // warm: statement preparation, tenant cache
    const statements = await recorded(() => owner.account.findSessions());
    expect(statements[0]).toBe("begin");
    expect(statements[1]).toMatch(/^select set_config\('app\.tenant_id'/);
    expect(statements[2]).toMatch(/^select app\.request_context\(/);
    expect(statements.at(-1)).toBe("commit");
    // account.findSessions itself is one select.
    expect(statements).toHaveLength(REQUEST_PATH + 1 + 1);
  });

  it("costs the same on a sub-account reached through the agency (no extra tenant switches)", async () => {
    const owner = await api.as("client.alpha.omnify.test", s.w.client, s.w.users.owner.id);
    await owner.account.findSessions();
    const statements = await recorded(() => owner.account.findSessions());
    expect(statements.filter((q) => q.includes("request_context"))).toHaveLength(1);
    expect(statements).toHaveLength(REQUEST_PATH + 1 + 1);
  });

  it("a page render's context (session, role, MFA redirect, read-only banner) is one transaction with one query", async () => {
    const tenant = await tenantAt(db, "alpha.omnify.test");
    const token = await api.signIn(s.w.alpha, s.w.users.member.id);
    const statements = await recorded(() => loadRequestContext(db, tenant, token));
    expect(statements).toHaveLength(4);
    expect(statements[2]).toMatch(/^select app\.request_context\(/);
  });

  it("sends each statement of the request path as a prepared statement (one round trip each, no describe first)", async () => {
    // One connection, so the check below sees the one the request used.
    const single = createAppDatabase(s.t.appUrl, { max: 1 });
    try {
      const token = await api.signIn(s.w.alpha, s.w.users.owner.id);
      const caller = createCaller({
        ...api.deps(),
        db: single,
        tenant: await tenantAt(single, "alpha.omnify.test"),
        sessionToken: token,
        ip: null,
      });
      await caller.account.findSessions();
      const prepared = await single.withoutTenant((tx) =>
        tx.execute<{ statement: string }>(sql`select statement from pg_prepared_statements`),
      );
      const texts = prepared.map((row) => row.statement);
      expect(texts.some((t) => t.includes("set_config('app.tenant_id'"))).toBe(true);
      expect(texts.some((t) => t.includes("app.request_context("))).toBe(true);
      // The resolver's own drizzle select too, not just the hand-written statements.
      expect(texts.some((t) => /from "auth_sessions"/.test(t))).toBe(true);
    } finally {
      await single.close();
    }
  });

  it("the tenant statement goes out unawaited, yet the first statement of the work sees the tenant", async () => {
    // One connection: the first pass prepares each statement (each waits for its own
    // describe), later passes send the tenant statement and the work's first one together.
    const single = createAppDatabase(s.t.appUrl, { max: 1 });
    try {
      for (let pass = 0; pass < 3; pass++) {
        const setting = await single.withTenant(s.w.alpha, (tx) =>
          tx.execute<{ tenant: string }>(
            sql`select current_setting('app.tenant_id', true) as tenant`,
          ),
        );
        expect(setting[0]?.tenant).toBe(s.w.alpha);
        // A drizzle select as the first statement: under RLS it sees alpha's rows only.
        const rows = await single.withTenant(s.w.alpha, (tx) =>
          tx.select({ tenantId: memberships.tenantId }).from(memberships),
        );
        expect(rows.length).toBeGreaterThan(0);
        expect(new Set(rows.map((r) => r.tenantId))).toEqual(new Set([s.w.alpha]));
        // And the next transaction on the same connection is another tenant's, not alpha's.
        const other = await single.withTenant(s.w.client, (tx) =>
          tx.select({ tenantId: memberships.tenantId }).from(memberships),
        );
        expect(new Set(other.map((r) => r.tenantId))).toEqual(new Set([s.w.client]));
      }
    } finally {
      await single.close();
    }
  });
});
