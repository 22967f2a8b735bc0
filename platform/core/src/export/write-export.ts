import { createHash } from "node:crypto";
import { mkdir, mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type AppDatabase, pluginNames, sql, type Tx } from "@omnify/db";
import { create as createTar } from "tar";
import {
  exactAsText,
  relation,
  schemaFingerprint,
  type TableInfo,
  tenantTableCatalog,
} from "./catalog";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  MANIFEST_FILE,
  type Manifest,
  pluginTableFile,
  TENANT_FILE,
  tableFile,
  USERS_FILE,
} from "./manifest";
import {
  countRows,
  type InstalledPluginData,
  inPlugin,
  installedPluginData,
  type PluginDataAccess,
  pluginTables,
  requireAccess,
} from "./plugin-data";
import { NOT_EXPORTED } from "./table-rules";

const BATCH = 500;
type FileEntry = Manifest["files"][number];
export type ExportProgress = (progress: number, message: string) => Promise<void>;

/** Writes lines to a file while hashing them, so the manifest's sha256 costs no second read. */
async function writeFile(dir: string, path: string, lines: AsyncIterable<string> | string[]) {
  const full = join(dir, path);
  await mkdir(dirname(full), { recursive: true });
  const handle = await open(full, "w");
  const hash = createHash("sha256");
  let bytes = 0;
  try {
    for await (const line of lines) {
      const chunk = `${line}\n`;
      hash.update(chunk);
      bytes += Buffer.byteLength(chunk);
      await handle.write(chunk);
    }
  } finally {
    await handle.close();
  }
  return { path, sha256: hash.digest("hex"), bytes };
}

/**
 * One table's rows as JSON text, paged by ctid inside the export's single snapshot. The
 * explicit tenant filter backs up RLS for tables whose policy is not tenant isolation.
 */
async function* tableRows(tx: Tx, table: TableInfo, tenantId: string) {
  const exact = table.columns.filter(exactAsText);
  const textOverrides = exact.length
    ? sql` || jsonb_build_object(${sql.join(
        exact.map((c) => sql`${c.name}::text, t.${sql.identifier(c.name)}::text`),
        sql`, `,
      )})`
    : sql``;
  let after = "(0,0)";
  for (;;) {
    const rows = await tx.execute<{ tid: string; row: string }>(sql`
      select t.ctid::text as tid, (to_jsonb(t)${textOverrides})::text as row
      from ${relation(table)} t
      where t.tenant_id = ${tenantId}::uuid and t.ctid > ${after}::tid order by t.ctid limit ${BATCH}`);
    for (const r of rows) yield r.row;
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]?.tid ?? after;
  }
}

type PluginPlan = InstalledPluginData & {
  schema: string;
  tables: TableInfo[];
  counts: Map<string, number>;
};

/**
 * Exports every tenant table of the sub-account (found in the catalog) as JSON Lines, plus
 * the tenant's profile and the people its rows point at, into `<dir>/<tenant>/<job>.tar.gz`
 * with a manifest of row counts and sha256 per file. All reads share one repeatable-read
 * snapshot, so references between tables stay consistent. Each installed plugin's tables
 * are read on that plugin's own login inside the tenant (its RLS decides what is seen), in
 * the same snapshot (pg_export_snapshot), into `plugins/<id>/`.
 */
export async function writeExport(
  db: AppDatabase,
  input: {
    tenantId: string;
    jobId: string;
    exportDir: string;
    onProgress: ExportProgress;
    plugins?: PluginDataAccess | null;
  },
): Promise<{ filePath: string; bytes: number; rows: number }> {
  const work = await mkdtemp(join(tmpdir(), "omnify-export-"));
  try {
    const manifest = await db.withTenant(
      input.tenantId,
      async (tx) => {
        const catalog = await tenantTableCatalog(tx);
        const tables = catalog.filter((t) => !(t.name in NOT_EXPORTED));
        const counts = new Map<string, number>();
        for (const t of tables) counts.set(t.name, await countRows(tx, t, input.tenantId));
        const installed = await installedPluginData(tx);
        const access = installed.length
          ? requireAccess(
              input.plugins,
              installed.map((p) => p.pluginId),
              "exported",
            )
          : null;
        const [snap] = installed.length
          ? await tx.execute<{ id: string }>(sql`select pg_export_snapshot() as id`)
          : [];
        const inSnapshot = <T>(pluginId: string, fn: (ptx: Tx) => Promise<T>) =>
          inPlugin(
            access as PluginDataAccess,
            { pluginId, tenantId: input.tenantId, ...(snap ? { snapshot: snap.id } : {}) },
            fn,
          );
        const plans: PluginPlan[] = [];
        for (const plugin of installed) {
          plans.push(
            await inSnapshot(plugin.pluginId, async (ptx) => {
              const found = await pluginTables(ptx, plugin.pluginId);
              const n = new Map<string, number>();
              for (const t of found) n.set(t.name, await countRows(ptx, t, input.tenantId));
              return {
                ...plugin,
                schema: pluginNames(plugin.pluginId).schema,
                tables: found,
                counts: n,
              };
            }),
          );
        }
        const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
        const total = Math.max(1, sum(counts) + plans.reduce((n, p) => n + sum(p.counts), 0));
        let written = 0;
        let shown = -1;
        const report = async (message: string) => {
          const progress = 5 + Math.floor((written / total) * 85);
          if (progress !== shown) await input.onProgress(progress, message);
          shown = progress;
        };
        const files: FileEntry[] = [];
        const userIds = new Set<string>();
        const writeTable = async (
          from: Tx,
          table: TableInfo,
          path: string,
          rows: number,
          label: string,
        ) => {
          await report(`Exporting ${label}`);
          const userColumns =
            table.schema === "public"
              ? table.foreignKeys
                  .filter((fk) => fk.refTable === "users" && fk.columns.length === 1)
                  .map((fk) => fk.columns[0] as string)
              : [];
          const collect = async function* () {
            for await (const line of tableRows(from, table, input.tenantId)) {
              written += 1;
              if (written % BATCH === 0) await report(`Exporting ${label}`);
              if (userColumns.length) {
                const parsed = JSON.parse(line) as Record<string, unknown>;
                for (const c of userColumns)
                  if (typeof parsed[c] === "string") userIds.add(parsed[c]);
              }
              yield line;
            }
          };
          files.push({ ...(await writeFile(work, path, collect())), rows });
        };
        for (const table of tables) {
          await writeTable(
            tx,
            table,
            tableFile(table.name),
            counts.get(table.name) ?? 0,
            table.name,
          );
        }
        for (const plan of plans) {
          await inSnapshot(plan.pluginId, async (ptx) => {
            for (const table of plan.tables) {
              const path = pluginTableFile(plan.pluginId, table.name);
              const rows = plan.counts.get(table.name) ?? 0;
              await writeTable(ptx, table, path, rows, `${plan.pluginId} ${table.name}`);
            }
          });
        }
        // Users are global; only id, e-mail and name travel, and only those RLS shows us.
        const users = await tx.execute<{ line: string }>(sql`
          select json_build_object('id', id, 'email', email, 'name', name)::text as line
          from users where id in (select jsonb_array_elements_text(${JSON.stringify([...userIds])}::jsonb)::uuid)
          order by email`);
        files.push({
          ...(await writeFile(
            work,
            USERS_FILE,
            users.map((u) => u.line),
          )),
          rows: users.length,
        });
        const [tenant] = await tx.execute<{
          id: string;
          kind: string;
          slug: string;
          line: string;
        }>(sql`
          select id, kind, slug, json_build_object('name', name, 'slug', slug, 'theme_id', theme_id, 'brand', brand)::text as line
          from tenants where id = ${input.tenantId}::uuid`);
        if (!tenant) throw new Error(`tenant ${input.tenantId} is not visible`);
        files.push(await writeFile(work, TENANT_FILE, [tenant.line]));
        const result: Manifest = {
          format: ARCHIVE_FORMAT,
          formatVersion: ARCHIVE_FORMAT_VERSION,
          schemaFingerprint: schemaFingerprint(tables),
          exportedAt: new Date().toISOString(),
          source: { tenantId: tenant.id, slug: tenant.slug, kind: tenant.kind },
          tables: Object.fromEntries(
            tables.map((t) => [
              t.name,
              { rows: counts.get(t.name) ?? 0, columns: t.columns.map((c) => c.name) },
            ]),
          ),
          files,
          plugins: Object.fromEntries(
            plans.map((p) => [
              p.pluginId,
              {
                version: p.version,
                schema: p.schema,
                migrations: p.migrations,
                tables: Object.fromEntries(
                  p.tables.map((t) => [
                    t.name,
                    { rows: p.counts.get(t.name) ?? 0, columns: t.columns.map((c) => c.name) },
                  ]),
                ),
              },
            ]),
          ),
          excluded: Object.fromEntries(
            catalog
              .filter((t) => t.name in NOT_EXPORTED)
              .map((t) => [t.name, NOT_EXPORTED[t.name] as string]),
          ),
        };
        return result;
      },
      { isolationLevel: "repeatable read" },
    );
    await input.onProgress(92, "Packing the archive");
    await writeFile(work, MANIFEST_FILE, [JSON.stringify(manifest, null, 2)]);
    const filePath = join(input.exportDir, input.tenantId, `${input.jobId}.tar.gz`);
    await mkdir(dirname(filePath), { recursive: true });
    const names = [MANIFEST_FILE, ...manifest.files.map((f) => f.path)];
    await createTar({ gzip: true, file: filePath, cwd: work, portable: true }, names);
    const rows = manifest.files.reduce((n, f) => n + (f.rows ?? 0), 0);
    return { filePath, bytes: (await stat(filePath)).size, rows };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
