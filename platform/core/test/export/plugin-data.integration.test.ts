import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createPluginDatabase,
  ensurePluginContextKey,
  migratePlugin,
  type PluginDatabase,
  provisionPlugin,
} from "@omnify/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportTenant,
  importTenant,
  type PluginDataAccess,
  readArchive,
  requestExport,
  requestImport,
} from "../../src/export/index";
import type { ResolvedTenant } from "../../src/tenancy/resolved-tenant";
import { collectEvents, domainFailure, setupWorld, tenantAt } from "../helpers";
import { repack } from "./archive-tools";

/** Plugin roles are cluster-wide; every test file derives them from this one secret. */
const SECRET = "omnify-plugin-runtime-secret-test-only";
const PLUGIN = "export-notes";
const sha = (text: string) => createHash("sha256").update(text).digest("hex");

// rt-echo's migration (the plugin runtime's fixture), plus a child table that references it
// and keeps an always-identity key, numbers PostgreSQL keeps exactly, and a computed column.
const notesSql = await readFile(
  fileURLToPath(
    new URL(
      "../../../plugin-runtime/test/fixtures/rt-echo/migrations/0001_notes.sql",
      import.meta.url,
    ),
  ),
  "utf8",
);
const tagsSql = `create table tags (
  tenant_id uuid not null,
  id bigint generated always as identity,
  note_id integer not null references notes (id),
  label text not null,
  weight numeric(16, 6) not null,
  shout text generated always as (upper(label)) stored,
  primary key (tenant_id, id)
);
alter table "tags" enable row level security;
alter table "tags" force row level security;
create policy tenant_isolation on "tags" as permissive for all to public
  using (tenant_id = (select app.current_tenant()))
  with check (tenant_id = (select app.current_tenant()));`;
const MIGRATIONS = [
  { name: "0001_notes.sql", sql: notesSql },
  { name: "0002_tags.sql", sql: tagsSql },
];

const s = setupWorld();
let exportDir: string;
let access: PluginDataAccess;
let plugin: PluginDatabase;
let archive: string;
const fresh: Record<string, ResolvedTenant> = {};

async function registerVersion(version: string, migrations: Array<{ name: string; sql: string }>) {
  const listed = migrations.map((m) => ({ name: m.name, sha256: sha(m.sql), sql: m.sql }));
  await s.t
    .admin`insert into plugin_versions (plugin_id, version, manifest, server_code, server_sha256, migrations)
    values (${PLUGIN}, ${version}, '{}', '', ${"0".repeat(64)}, ${s.t.admin.json(listed)})`;
}
async function install(tenantId: string, version: string) {
  await s.t
    .admin`insert into plugin_installations (tenant_id, plugin_id, version, consented_capabilities)
    values (${tenantId}, ${PLUGIN}, ${version}, ${s.t.admin.json({ db: { migrations: true } })})`;
}
/** A tenant's plugin rows, read the way the plugin itself reads them (its login, RLS). */
async function pluginRows(tenantId: string, table: "notes" | "tags") {
  const order = table === "notes" ? "body" : "label";
  const result = await plugin.query(
    tenantId,
    `select to_jsonb(t) as row from ${table} t order by ${order}`,
    [],
    "execute",
  );
  return result.rows.map((r) => (r as { row: Record<string, unknown> }).row);
}
async function addNote(tenantId: string, body: string, tags: Array<[string, string]>) {
  const [note] = (
    await plugin.query(
      tenantId,
      "insert into notes (tenant_id, body) values ($1, $2) returning id",
      [tenantId, body],
      "execute",
    )
  ).rows as Array<{ id: number }>;
  for (const [label, weight] of tags) {
    await plugin.query(
      tenantId,
      "insert into tags (tenant_id, note_id, label, weight) values ($1, $2, $3, $4)",
      [tenantId, note?.id, label, weight],
      "execute",
    );
  }
}
const jobRow = async (id: string) =>
  (await s.t.admin`select * from export_jobs where id = ${id}`)[0];

async function exportClient(plugins: PluginDataAccess | null) {
  const job = await s.t.app.withTenant(s.client.id, (tx) =>
    requestExport(tx, { tenant: s.client, userId: s.w.users.owner.id }),
  );
  const events = await collectEvents(s.t.app, () =>
    exportTenant(s.t.app, { tenantId: s.client.id, jobId: job.id, exportDir, plugins }),
  );
  return { row: await jobRow(job.id), events };
}
const upload = async (tenant: ResolvedTenant, file: string) =>
  requestImport(s.t.app, {
    tenant,
    userId: s.w.users.owner.id,
    archive: await readFile(file),
    exportDir,
  });
async function runImportJob(tenant: ResolvedTenant, jobId: string) {
  const outcome = await importTenant(s.t.app, { tenantId: tenant.id, jobId, plugins: access });
  return { outcome, row: await jobRow(jobId) };
}
async function importInto(tenant: ResolvedTenant, file: string) {
  return runImportJob(tenant, (await upload(tenant, file)).id);
}
/** Nothing of the archive reached the tenant: no core rows, no plugin rows. */
async function expectUntouched(tenantId: string) {
  for (const table of ["invitations", "usage_events", "memberships"]) {
    const rows = await s.t.admin.unsafe(`select 1 from ${table} where tenant_id = $1`, [tenantId]);
    expect(rows, table).toHaveLength(0);
  }
  expect(await pluginRows(tenantId, "notes")).toEqual([]);
  expect(await pluginRows(tenantId, "tags")).toEqual([]);
}

beforeAll(async () => {
  exportDir = await mkdtemp(join(tmpdir(), "omnify-plugin-export-test-"));
  access = { baseUrl: s.t.appUrl, hostSecret: SECRET };
  const { hostToken } = await ensurePluginContextKey(s.t.admin, SECRET);
  const urls = await provisionPlugin(s.t.admin, { pluginId: PLUGIN, hostSecret: SECRET });
  await migratePlugin(urls, { pluginId: PLUGIN, migrations: MIGRATIONS });
  plugin = createPluginDatabase({ runtimeUrl: urls.runtimeUrl, hostToken, max: 2 });
  await registerVersion("1.0.0", MIGRATIONS);
  await registerVersion("1.1.0", [
    ...MIGRATIONS,
    { name: "0003_more.sql", sql: "alter table notes add column pinned boolean" },
  ]);
  await install(s.w.client, "1.0.0");
  await install(s.w.other, "1.0.0");
  await s.t
    .admin`insert into invitations (tenant_id, email, role, token_hash, status, invited_by, expires_at)
    values (${s.w.client}, 'new@people.test', 'subaccount_member', 'hash-1', 'pending', ${s.w.users.clientUser.id}, now() + interval '1 day')`;
  await addNote(s.w.client, "groceries", [
    ["food", "1.250000"],
    ["home", "12345678.123456"],
  ]);
  await addNote(s.w.client, "holiday", [["travel", "0.000001"]]);
  await addNote(s.w.other, "OTHER-TENANT-SECRET", [["leak", "9"]]);
  for (const slug of [
    "fresh",
    "fresh-newer",
    "fresh-missing",
    "fresh-broken",
    "fresh-ahead",
    "fresh-v1",
  ]) {
    await s.t.admin`insert into tenants (kind, parent_id, slug, name, theme_id)
      values ('subaccount', ${s.w.alpha}, ${slug}, ${slug}, 'aurora')`;
    fresh[slug] = await tenantAt(s.t.app, `${slug}.alpha.omnify.test`);
  }
}, 60_000);
afterAll(async () => {
  await plugin?.close();
  await rm(exportDir, { recursive: true, force: true });
});

describe("exporting a sub-account with plugin data", () => {
  it("refuses rather than leave plugin rows behind when it cannot sign in as the plugin", async () => {
    const { row } = await exportClient(null);
    expect(row?.status).toBe("failed");
    expect(row?.error).toBe(
      `Plugin data (${PLUGIN}) cannot be exported: the worker has no OMNIFY_SECRET to sign in as the plugin`,
    );
  });

  it("writes the plugin's rows of this tenant only, with version and migrations", async () => {
    const { row, events } = await exportClient(access);
    expect(row).toMatchObject({ status: "succeeded", progress: 100, error: null });
    archive = row?.file_path as string;
    const parsed = await readArchive(archive);
    const section = parsed.manifest.plugins[PLUGIN];
    expect(section).toMatchObject({
      version: "1.0.0",
      schema: "plugin_export_notes",
      migrations: MIGRATIONS.map((m) => ({ name: m.name, sha256: sha(m.sql) })),
      tables: { notes: { rows: 2 }, tags: { rows: 3 } },
    });
    const notes = parsed.plugins.get(PLUGIN)?.get("notes") ?? [];
    const tags = parsed.plugins.get(PLUGIN)?.get("tags") ?? [];
    expect(notes.map((n) => n.body).sort()).toEqual(["groceries", "holiday"]);
    expect(tags.map((t) => t.weight).sort()).toEqual(["0.000001", "1.250000", "12345678.123456"]);
    for (const r of [...notes, ...tags]) expect(r.tenant_id).toBe(s.w.client);
    const files = parsed.manifest.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining([`plugins/${PLUGIN}/notes.jsonl`]));
    // Plugin rows are counted with the rest: 1 invitation + 1 installation + 5 plugin rows...
    const planned = parsed.manifest.files.reduce((n, f) => n + (f.rows ?? 0), 0);
    expect(row?.message).toBe(`Exported ${planned} rows`);
    // ...and the page hears progress for the plugin's tables too.
    const messages = events.filter((e) => e.tenantId === s.client.id);
    expect(messages.length).toBeGreaterThan(3);
  });

  it("never lets another tenant's rows into the archive", async () => {
    const text = JSON.stringify(await readArchive(archive), (_k, v) =>
      v instanceof Map ? Object.fromEntries(v) : v,
    );
    expect(text).not.toContain("OTHER-TENANT-SECRET");
    expect(text).not.toContain(s.w.other);
  });
});

describe("importing plugin data into a fresh sub-account", () => {
  it("restores the rows under the new tenant with references kept", async () => {
    const target = fresh.fresh as ResolvedTenant;
    const { outcome, row } = await importInto(target, archive);
    expect(outcome.status, row?.error).toBe("succeeded");
    const notes = await pluginRows(target.id, "notes");
    const tags = await pluginRows(target.id, "tags");
    expect(notes.map((n) => n.body)).toEqual(["groceries", "holiday"]);
    expect(tags.map((t) => [t.label, t.weight, t.shout])).toEqual([
      ["food", 1.25, "FOOD"],
      ["home", 12345678.123456, "HOME"],
      ["travel", 0.000001, "TRAVEL"],
    ]);
    for (const r of [...notes, ...tags]) expect(r.tenant_id).toBe(target.id);
    // The serial key is shared by all tenants, so imported notes get new ids...
    const source = await pluginRows(s.w.client, "notes");
    const sourceIds = new Set(source.map((n) => n.id));
    for (const n of notes) expect(sourceIds.has(n.id)).toBe(false);
    // ...and the tags follow their note.
    const noteOf = new Map(notes.map((n) => [n.id, n.body]));
    expect(tags.map((t) => [t.label, noteOf.get(t.note_id)])).toEqual([
      ["food", "groceries"],
      ["home", "groceries"],
      ["travel", "holiday"],
    ]);
    // The source and the other tenant are as they were.
    expect(source.map((n) => n.body)).toEqual(["groceries", "holiday"]);
    expect((await pluginRows(s.w.other, "notes")).map((n) => n.body)).toEqual([
      "OTHER-TENANT-SECRET",
    ]);
    expect(row?.message).toMatch(/^Imported \d+ rows from \d+ tables$/);
    // The plugin itself keeps working for the new sub-account: the serial sequence moved on.
    await addNote(target.id, "after import", [["new", "1"]]);
    expect((await pluginRows(target.id, "notes")).map((n) => n.body)).toContain("after import");
  });

  it("refuses a sub-account whose plugin is at another schema version, writing nothing", async () => {
    const target = fresh["fresh-newer"] as ResolvedTenant;
    const message = `Plugin ${PLUGIN} is at another schema version here (1.1.0: migrations 0001_notes.sql, 0002_tags.sql, 0003_more.sql; the archive's 1.0.0: migrations 0001_notes.sql, 0002_tags.sql)`;
    // Accepted at upload; the plugin moves to another version before the worker runs it.
    const job = await upload(target, archive);
    await install(target.id, "1.1.0");
    const { outcome, row } = await runImportJob(target, job.id);
    expect(outcome.status).toBe("failed");
    expect(row?.error).toBe(message);
    await expectUntouched(target.id);
    // A new upload is refused at once.
    const refused = await domainFailure(upload(target, archive));
    expect(refused).toMatchObject({ code: "BAD_INPUT", field: "archive", message });
  });

  it("refuses at upload when the plugin version the archive installs is missing here", async () => {
    const target = fresh["fresh-missing"] as ResolvedTenant;
    const changed = await repack(
      archive,
      "tables/plugin_installations.jsonl",
      (t) => t.replaceAll('"version": "1.0.0"', '"version": "7.0.0"'),
      { rehash: true },
    );
    const refused = await domainFailure(upload(target, changed));
    expect(refused).toMatchObject({
      code: "BAD_INPUT",
      field: "archive",
      message: `Plugin ${PLUGIN} 7.0.0 is not available in this database; install or register it first`,
    });
    expect(await s.t.admin`select 1 from export_jobs where tenant_id = ${target.id}`).toHaveLength(
      0,
    );
    await expectUntouched(target.id);
  });

  it("refuses a plugin row that does not fit, naming plugin, table and line, writing nothing", async () => {
    const target = fresh["fresh-broken"] as ResolvedTenant;
    const file = `plugins/${PLUGIN}/tags.jsonl`;
    const broken = await repack(
      archive,
      file,
      (t) => {
        const lines = t.split("\n");
        lines[1] = (lines[1] ?? "").replace(/"label": "[a-z]+"/, '"label": null');
        return lines.join("\n");
      },
      { rehash: true },
    );
    const { outcome, row } = await importInto(target, broken);
    expect(outcome.status).toBe("failed");
    expect(row?.error).toMatch(
      new RegExp(
        `^${file} line 2 \\(plugin ${PLUGIN}, table tags\\) could not be imported: null value in column "label"`,
      ),
    );
    // Core rows were written before the plugin's, and rolled back with it.
    await expectUntouched(target.id);
    const [installed] = await s.t
      .admin`select count(*)::int as n from plugin_installations where tenant_id = ${target.id}`;
    expect(installed?.n).toBe(0);
  });

  it("moves a kept identity past archive values from another database, so new rows fit", async () => {
    const target = fresh["fresh-ahead"] as ResolvedTenant;
    // Ids far ahead of this database's sequence, as an archive from a busier install has.
    const ahead = await repack(
      archive,
      `plugins/${PLUGIN}/tags.jsonl`,
      (t) => t.replace(/"id": "(\d+)"/g, (_m, id: string) => `"id": "${Number(id) + 5000}"`),
      { rehash: true },
    );
    const { outcome, row } = await importInto(target, ahead);
    expect(outcome.status, row?.error).toBe("succeeded");
    const kept = (await pluginRows(target.id, "tags")).map((t) => Number(t.id));
    expect(Math.min(...kept)).toBeGreaterThan(5000);
    await addNote(target.id, "later", [["fresh", "1"]]);
    const later = (await pluginRows(target.id, "tags")).find((t) => t.label === "fresh");
    expect(Number(later?.id)).toBeGreaterThan(Math.max(...kept));
  });

  it("still imports a format 1 archive, which had no plugin data", async () => {
    const target = fresh["fresh-v1"] as ResolvedTenant;
    const v1 = await repack(
      archive,
      "manifest.json",
      (t) => {
        const manifest = JSON.parse(t) as Record<string, unknown>;
        delete manifest.plugins;
        return JSON.stringify({ ...manifest, formatVersion: 1 });
      },
      { rehash: false },
    );
    expect((await readArchive(v1)).manifest).toMatchObject({ formatVersion: 1, plugins: {} });
    const { outcome, row } = await importInto(target, v1);
    expect(outcome.status, row?.error).toBe("succeeded");
    const [invited] = await s.t
      .admin`select count(*)::int as n from invitations where tenant_id = ${target.id}`;
    expect(invited?.n).toBe(1);
    expect(await pluginRows(target.id, "notes")).toEqual([]);
  });
});
