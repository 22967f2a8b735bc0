import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportTenant,
  importTenant,
  NOT_EXPORTED,
  NOT_IMPORTED,
  readArchive,
  requestExport,
  requestImport,
} from "../../src/export/index";
import type { ResolvedTenant } from "../../src/tenancy/resolved-tenant";
import { collectEvents, domainFailure, setupWorld, tenantAt } from "../helpers";
import { repack } from "./archive-tools";
import { seedSubaccountData, snapshot } from "./export-seed";

const s = setupWorld();
let exportDir: string;
let archive: string;
const fresh: Record<string, ResolvedTenant> = {};

beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), "omnify-export-test-"));
  await seedSubaccountData(s.t.admin, s.w);
  for (const slug of ["fresh", "fresh-two", "fresh-three"]) {
    await s.t.admin`insert into tenants (kind, parent_id, slug, name, theme_id)
      values ('subaccount', ${s.w.alpha}, ${slug}, ${slug}, 'aurora')`;
    fresh[slug] = await tenantAt(s.t.app, `${slug}.alpha.omnify.test`);
  }
  // A fresh sub-account may already have its admin; imported memberships merge with it.
  await s.t.admin`insert into memberships (tenant_id, user_id, role)
    values (${fresh.fresh?.id ?? ""}, ${s.w.users.clientUser.id}, 'subaccount_member')`;
});
afterAll(() => rm(exportDir, { recursive: true, force: true }));

const owner = () => s.w.users.owner.id;
const jobRow = async (id: string) =>
  (await s.t.admin`select * from export_jobs where id = ${id}`)[0];

async function exportClient(): Promise<string> {
  const job = await s.t.app.withTenant(s.client.id, (tx) =>
    requestExport(tx, { tenant: s.client, userId: owner() }),
  );
  const events = await collectEvents(s.t.app, () =>
    exportTenant(s.t.app, { tenantId: s.client.id, jobId: job.id, exportDir }),
  );
  const row = await jobRow(job.id);
  expect(row).toMatchObject({ status: "succeeded", progress: 100, error: null });
  // Progress is visible while it runs: the page hears about every step.
  const mine = events.filter((e) => e.type === "export.updated" && e.tenantId === s.client.id);
  expect(mine.length).toBeGreaterThan(3);
  return row?.file_path as string;
}

async function importInto(tenant: ResolvedTenant, file: string) {
  const job = await requestImport(s.t.app, {
    tenant,
    userId: owner(),
    archive: await readFile(file),
    exportDir,
  });
  const outcome = await importTenant(s.t.app, { tenantId: tenant.id, jobId: job.id });
  return { job, outcome, row: await jobRow(job.id) };
}

describe("exporting a sub-account", () => {
  it("writes every tenant table found in the catalog, with a manifest of counts and hashes", async () => {
    archive = await exportClient();
    const { manifest, users, tenant } = await readArchive(archive);
    const tables = await s.t.admin<{ table_name: string }[]>`
      select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'tenant_id'`;
    for (const { table_name } of tables) {
      const covered = table_name in manifest.tables || table_name in manifest.excluded;
      expect(covered, `${table_name} neither exported nor excluded`).toBe(true);
      if (table_name in manifest.excluded) expect(NOT_EXPORTED[table_name]).toBeTruthy();
    }
    expect(manifest.tables.invitations?.rows).toBe(2);
    expect(manifest.tables.usage_events?.rows).toBe(3);
    expect(manifest.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    expect(users.map((u) => u.email)).toContain(s.w.users.clientUser.email);
    expect(tenant).toMatchObject({ slug: "client", theme_id: "grove", brand: { accent: "plum" } });
  });

  it("only sub-accounts export, and one transfer runs at a time", async () => {
    const agency = await domainFailure(
      s.t.app.withTenant(s.alpha.id, (tx) =>
        requestExport(tx, { tenant: s.alpha, userId: owner() }),
      ),
    );
    expect(agency.code).toBe("FORBIDDEN");
    const other = await tenantAt(s.t.app, "other.alpha.omnify.test");
    await s.t.app.withTenant(other.id, (tx) =>
      requestExport(tx, { tenant: other, userId: owner() }),
    );
    const second = await domainFailure(
      s.t.app.withTenant(other.id, (tx) => requestExport(tx, { tenant: other, userId: owner() })),
    );
    expect(second).toMatchObject({ code: "CONFLICT", message: "An export is already in progress" });
  });
});

describe("importing into a fresh sub-account", () => {
  it("round-trips the data with new ids and consistent references", async () => {
    const target = fresh.fresh as ResolvedTenant;
    const { outcome, row } = await importInto(target, archive);
    expect(outcome.status).toBe("succeeded");
    expect(row).toMatchObject({ status: "succeeded", progress: 100 });
    const tables = Object.keys((await readArchive(archive)).manifest.tables).filter(
      (t) => !(t in NOT_IMPORTED),
    );
    for (const table of tables) {
      expect(await snapshot(s.t.admin, table, target.id), table).toEqual(
        await snapshot(s.t.admin, table, s.client.id),
      );
    }
    const ids = await s.t.admin`select id from invitations where tenant_id = ${target.id}
      intersect select id from invitations where tenant_id = ${s.client.id}`;
    expect(ids).toHaveLength(0);
    const [theme] = await s.t.admin`select theme_id, brand from tenants where id = ${target.id}`;
    expect(theme).toEqual({ theme_id: "grove", brand: { accent: "plum" } });
  });

  it("refuses a sub-account that already holds data, writing nothing", async () => {
    const target = fresh.fresh as ResolvedTenant;
    const before = await s.t
      .admin`select count(*)::int as n from export_jobs where tenant_id = ${target.id}`;
    const error = await domainFailure(
      requestImport(s.t.app, {
        tenant: target,
        userId: owner(),
        archive: await readFile(archive),
        exportDir,
      }),
    );
    expect(error).toMatchObject({ code: "CONFLICT", field: "tenant" });
    expect(error.message).toContain("This sub-account is not empty (it has invitations");
    const after = await s.t
      .admin`select count(*)::int as n from export_jobs where tenant_id = ${target.id}`;
    expect(after).toEqual(before);
  });

  it("refuses a corrupted archive, naming the file", async () => {
    const target = fresh["fresh-two"] as ResolvedTenant;
    const damaged = await repack(
      archive,
      "tables/invitations.jsonl",
      (t) => t.replace("pending", "accepted"),
      {
        rehash: false,
      },
    );
    const error = await domainFailure(
      requestImport(s.t.app, {
        tenant: target,
        userId: owner(),
        archive: await readFile(damaged),
        exportDir,
      }),
    );
    expect(error).toMatchObject({ code: "BAD_INPUT", field: "archive" });
    expect(error.message).toBe(
      "tables/invitations.jsonl is corrupted: its sha256 does not match manifest.json",
    );
    const garbage = await domainFailure(
      requestImport(s.t.app, {
        tenant: target,
        userId: owner(),
        archive: Buffer.from("not gzip at all"),
        exportDir,
      }),
    );
    expect(garbage.message).toMatch(/^The uploaded file is not a readable \.tar\.gz archive/);
    expect(await s.t.admin`select 1 from export_jobs where tenant_id = ${target.id}`).toHaveLength(
      0,
    );
  });

  it("writes nothing when a later table fails: one transaction", async () => {
    const target = fresh["fresh-three"] as ResolvedTenant;
    const bad = await repack(
      archive,
      "tables/usage_events.jsonl",
      (t) => t.replace('"quantity": "2"', '"quantity": "-5"'),
      {
        rehash: true,
      },
    );
    const { outcome, row } = await importInto(target, bad);
    expect(outcome.status).toBe("failed");
    expect(row?.status).toBe("failed");
    expect(row?.error).toMatch(/^tables\/usage_events\.jsonl could not be imported: /);
    for (const table of ["memberships", "invitations", "plugin_installations", "usage_events"]) {
      const rows = await s.t.admin.unsafe(`select 1 from ${table} where tenant_id = $1`, [
        target.id,
      ]);
      expect(rows, table).toHaveLength(0);
    }
  });
});
