import { randomUUID } from "node:crypto";
import { type AppDatabase, sql, type Tx } from "@omnify/db";
import { badInput, DomainError } from "../errors";
import { insertionOrder, type TableInfo, tenantTableCatalog } from "./catalog";
import { driverMessage, type PluginDataAccess } from "./plugin-data";
import { PluginImports } from "./plugin-import";
import type { ParsedArchive, Row } from "./read-archive";
import { assignIds, type RemapContext, remapRow } from "./remap";
import { countsForEmptiness, MERGED_ON_IMPORT, NOT_EXPORTED, NOT_IMPORTED } from "./table-rules";
import { updateTransfer } from "./transfers";

const CHUNK = 500;
export type ImportProgress = (progress: number, message: string) => Promise<void>;

/** Refuses a sub-account that already holds data: an import never merges into real work. */
export async function assertFresh(
  tx: Tx,
  catalog: readonly TableInfo[],
  tenantId: string,
): Promise<void> {
  const busy: string[] = [];
  for (const table of catalog.filter((t) => countsForEmptiness(t.name))) {
    const [row] = await tx.execute<{ any: boolean }>(
      sql`select exists (select 1 from ${sql.identifier(table.name)} where tenant_id = ${tenantId}::uuid) as any`,
    );
    if (row?.any) busy.push(table.name);
  }
  if (busy.length > 0) {
    throw new DomainError(
      "CONFLICT",
      `This sub-account is not empty (it has ${busy.join(", ")}); import only into a fresh sub-account`,
      "tenant",
    );
  }
}

/** Checks every archive table against this database before a row is written. */
function importableTables(archive: ParsedArchive, catalog: readonly TableInfo[]) {
  const byName = new Map(catalog.map((t) => [t.name, t]));
  const tables = new Map<string, TableInfo>();
  for (const [name, meta] of Object.entries(archive.manifest.tables)) {
    if (name in NOT_IMPORTED || name in NOT_EXPORTED) continue;
    const table = byName.get(name);
    const file = `tables/${name}.jsonl`;
    if (!table) throw badInput("archive", `${file}: this database has no tenant table ${name}`);
    const writable = new Set(table.columns.filter((c) => !c.generated).map((c) => c.name));
    const unknown = meta.columns.find((c) => !writable.has(c));
    if (unknown)
      throw badInput("archive", `${file}: this database has no column ${name}.${unknown}`);
    tables.set(name, table);
  }
  return tables;
}

/** People are global: link to the existing account with the same e-mail, or create one. */
async function linkUsers(tx: Tx, archive: ParsedArchive): Promise<Map<string, string>> {
  const users = new Map<string, string>();
  for (const user of archive.users) {
    const [found] = await tx.execute<{ id: string }>(
      sql`select id from app.user_for_login(${user.email})`,
    );
    let id = found?.id;
    if (!id) {
      // No password: the person signs in after a reset or an invitation, never with the old one.
      id = randomUUID();
      await tx.execute(
        sql`insert into users (id, email, name) values (${id}, ${user.email}, ${user.name})`,
      );
    }
    users.set(user.id, id);
  }
  return users;
}

async function insertRows(tx: Tx, table: TableInfo, columns: string[], rows: Row[]) {
  const cols = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const merge = MERGED_ON_IMPORT.has(table.name) ? sql` on conflict do nothing` : sql``;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.execute(sql`insert into ${sql.identifier(table.name)} (${cols})
      select ${cols} from jsonb_populate_recordset(null::${sql.identifier(table.name)}, ${json}::jsonb)${merge}`);
  }
}

/**
 * Imports a checked archive into an empty sub-account in ONE transaction: every row gets a
 * new id with references kept consistent, people are linked by e-mail, and the job row is
 * marked succeeded in the same commit. Any failure rolls everything back. Each plugin's rows
 * go in through that plugin's own login, one transaction per plugin, committed only after
 * every plugin and the core rows are written (see PluginImports).
 */
export async function runImport(
  db: AppDatabase,
  input: {
    tenantId: string;
    jobId: string;
    archive: ParsedArchive;
    onProgress: ImportProgress;
    plugins?: PluginDataAccess | null;
  },
): Promise<{ rows: number; tables: Record<string, number> }> {
  const { archive } = input;
  const plugins = new PluginImports(archive, input.tenantId, input.plugins);
  try {
    return await db.withTenant(input.tenantId, async (tx) => {
      const catalog = await tenantTableCatalog(tx);
      await assertFresh(tx, catalog, input.tenantId);
      const imported = importableTables(archive, catalog);
      await plugins.check(tx);
      const ctx: RemapContext = {
        sourceTenantId: archive.manifest.source.tenantId,
        targetTenantId: input.tenantId,
        imported,
        tenantTables: new Set(catalog.map((t) => t.name)),
        users: await linkUsers(tx, archive),
        ids: new Map(),
      };
      await assignIds(ctx, archive.tables);
      const counts: Record<string, number> = {};
      const coreRows = [...imported.keys()].reduce(
        (n, t) => n + (archive.tables.get(t)?.length ?? 0),
        0,
      );
      const total = Math.max(1, coreRows + plugins.rows);
      let done = 0;
      const report = (message: string) =>
        input.onProgress(5 + Math.floor((done / total) * 90), message);
      for (const table of insertionOrder([...imported.values()])) {
        await report(`Importing ${table.name}`);
        const rows = (archive.tables.get(table.name) ?? []).map((r, i) =>
          remapRow(ctx, table, r, i),
        );
        const columns = [
          ...new Set([...(archive.manifest.tables[table.name]?.columns ?? []), "tenant_id"]),
        ];
        try {
          await insertRows(tx, table, columns, rows);
        } catch (error) {
          throw badInput(
            "archive",
            `tables/${table.name}.jsonl could not be imported: ${driverMessage(error)}`,
          );
        }
        counts[table.name] = rows.length;
        done += rows.length;
      }
      await plugins.stage(async (pluginId, table, rows) => {
        await report(`Importing ${pluginId} ${table}`);
        counts[`${pluginId}/${table}`] = rows;
        done += rows;
      });
      await tx.execute(sql`update tenants set theme_id = ${archive.tenant.theme_id},
        brand = ${JSON.stringify(archive.tenant.brand)}::jsonb, updated_at = now()
        where id = ${input.tenantId}::uuid`);
      const rows = Object.values(counts).reduce((a, b) => a + b, 0);
      await updateTransfer({ tx }, input.jobId, {
        status: "succeeded",
        progress: 100,
        message: `Imported ${rows} rows from ${Object.keys(counts).length} tables`,
      });
      // Last, while the core transaction can still roll back if a plugin's commit fails.
      await plugins.commit();
      return { rows, tables: counts };
    });
  } catch (error) {
    await plugins.abandon();
    throw error;
  }
}
