import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../src/server/free-port";
import { migrateDatabase } from "../src/server/migrate";
import { resolveDatabase } from "../src/server/resolve";
import { withDatabase } from "../src/server/urls";
import { TEST_APP_PASSWORD } from "../src/testing";

// Same password the shared test cluster uses, so re-running ensureRoles changes nothing for
// the other test files running beside this one.
const base = { OMNIFY_APP_DB_PASSWORD: TEST_APP_PASSWORD };
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function whoAmI(url: string): Promise<string | undefined> {
  const sql = postgres(url, { max: 1 });
  try {
    const [row] = await sql<{ u: string }[]>`select current_user as u`;
    return row?.u;
  } finally {
    await sql.end();
  }
}

describe("resolveDatabase", () => {
  it("uses DATABASE_URL when set: migrates it and connects the app as omnify_app", async () => {
    const cluster = process.env.OMNIFY_TEST_ADMIN_URL as string;
    const root = postgres(cluster, { max: 1 });
    await root.unsafe("create database resolve_external");
    cleanups.push(async () => {
      await root.unsafe("drop database if exists resolve_external with (force)");
      await root.end();
    });
    const db = await resolveDatabase({
      ...base,
      DATABASE_URL: withDatabase(cluster, "resolve_external"),
    });
    expect(db.source).toBe("external");
    expect(db.embedded).toBeUndefined();
    await migrateDatabase(db.adminUrl, db.appPassword);
    expect(await whoAmI(db.appUrl)).toBe("omnify_app");
  });

  it("names DATABASE_URL when it is unreachable, malformed or empty", async () => {
    const closed = await freePort(0);
    await expect(
      resolveDatabase({ ...base, DATABASE_URL: `postgres://nobody:x@127.0.0.1:${closed}/nothing` }),
    ).rejects.toThrow(
      /DATABASE_URL \(postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:\d+\/nothing\) is unreachable/,
    );
    await expect(
      resolveDatabase({ ...base, DATABASE_URL: "mysql://root@localhost/db" }),
    ).rejects.toThrow(/DATABASE_URL must start with postgres:\/\//);
    await expect(resolveDatabase({ ...base, DATABASE_URL: " " })).rejects.toThrow(
      /DATABASE_URL is set but empty/,
    );
  });

  it("starts the embedded PostgreSQL without DATABASE_URL, and restarts on existing data", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "omnify-embedded-"));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const first = await resolveDatabase({ ...base, OMNIFY_DATA_DIR: dataDir });
    try {
      expect(first.source).toBe("embedded");
      await migrateDatabase(first.adminUrl, first.appPassword);
      expect(await whoAmI(first.appUrl)).toBe("omnify_app");
      const admin = postgres(first.adminUrl, { max: 1 });
      await admin`insert into tenants (kind, slug, name, theme_id) values ('agency', 'keep', 'Keep', 'aurora')`;
      await admin.end();
    } finally {
      await first.embedded?.stop();
    }
    const second = await resolveDatabase({ ...base, OMNIFY_DATA_DIR: dataDir });
    try {
      const admin = postgres(second.adminUrl, { max: 1 });
      const [row] = await admin<
        { n: number }[]
      >`select count(*)::int as n from tenants where slug = 'keep'`;
      await admin.end();
      expect(row?.n).toBe(1);
    } finally {
      await second.embedded?.stop();
    }
  });
});
