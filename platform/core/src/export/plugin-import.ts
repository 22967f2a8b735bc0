import { randomUUID } from "node:crypto";
import { sql, type Tx } from "@omnify/db";
import { badInput, DomainError } from "../errors";
import { insertionOrder, relation, type TableInfo } from "./catalog";
import { type PluginSection, pluginTableFile } from "./manifest";
import {
  assertPluginMatches,
  countRows,
  driverMessage,
  inPlugin,
  type PluginDataAccess,
  pluginTables,
  requireAccess,
} from "./plugin-data";
import type { ParsedArchive, Row } from "./read-archive";
import { assignIds, type RemapContext, remapRow } from "./remap";

const CHUNK = 500;
/** How far an import may move a sequence forward one nextval at a time (see advanceSequences). */
const MAX_SEQUENCE_ADVANCE = 1_000_000;

/**
 * The column that gets new values in a plugin table: a single-column primary key (without
 * tenant_id) that is a uuid or comes from a sequence. Such a key is unique across tenants,
 * so the source's values would collide; keys that include tenant_id keep their values.
 */
export function pluginKey(table: TableInfo): string | null {
  const [only, extra] = table.primaryKey;
  if (!only || extra || only === "tenant_id") return null;
  const column = table.columns.find((c) => c.name === only);
  return column && (column.type === "uuid" || column.sequence) ? only : null;
}

async function nextIds(tx: Tx, table: TableInfo, count: number): Promise<string[]> {
  const sequence = table.columns.find((c) => c.name === pluginKey(table))?.sequence;
  if (!sequence) return Array.from({ length: count }, randomUUID);
  if (count === 0) return [];
  const rows = await tx.execute<{ id: string }>(
    sql`select nextval(${sequence}::regclass)::text as id from generate_series(1, ${count})`,
  );
  return rows.map((r) => r.id);
}

/**
 * Inserts rows in chunks, each under a savepoint. When a chunk fails, its rows go in one at a
 * time, so the refusal names the line that PostgreSQL would not take.
 */
async function insertRows(
  tx: Tx,
  table: TableInfo,
  columns: string[],
  rows: Row[],
  where: { pluginId: string; file: string },
) {
  const cols = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const overriding = table.columns.some((c) => c.alwaysIdentity && columns.includes(c.name))
    ? sql` overriding system value`
    : sql``;
  const insert = (batch: Row[]) =>
    tx.transaction((sp) =>
      sp.execute(sql`insert into ${relation(table)} (${cols})${overriding}
        select ${cols} from jsonb_populate_recordset(null::${relation(table)}, ${JSON.stringify(batch)}::jsonb)`),
    );
  for (let start = 0; start < rows.length; start += CHUNK) {
    const batch = rows.slice(start, start + CHUNK);
    try {
      await insert(batch);
    } catch {
      for (const [i, row] of batch.entries()) {
        try {
          await insert([row]);
        } catch (error) {
          throw badInput(
            "archive",
            `${where.file} line ${start + i + 1} (plugin ${where.pluginId}, table ${table.name}) could not be imported: ${driverMessage(error)}`,
          );
        }
      }
    }
  }
}

/**
 * Kept serial or identity values (keys that include tenant_id) may be ahead of this
 * database's sequence when the archive comes from another installation; the sequence is moved
 * past them with nextval (the runtime login may not setval), so later rows cannot collide.
 */
async function advanceSequences(tx: Tx, table: TableInfo, rows: Row[], file: string) {
  for (const column of table.columns) {
    if (!column.sequence || column.name === pluginKey(table)) continue;
    let max: bigint | null = null;
    for (const row of rows) {
      const value = row[column.name];
      if (typeof value !== "string" && typeof value !== "number") continue;
      const n = BigInt(value);
      if (max === null || n > max) max = n;
    }
    if (max === null) continue;
    const [next] = await tx.execute<{ v: string }>(
      sql`select nextval(${column.sequence}::regclass)::text as v`,
    );
    const gap = max - BigInt(next?.v ?? "0");
    if (gap <= 0n) continue;
    if (gap > BigInt(MAX_SEQUENCE_ADVANCE)) {
      throw badInput(
        "archive",
        `${file}: ${column.name} values run ${gap} past this database's sequence ${column.sequence}`,
      );
    }
    await tx.execute(
      sql`select max(nextval(${column.sequence}::regclass)) from generate_series(1, ${Number(gap)})`,
    );
  }
}

export type PluginImportInput = {
  pluginId: string;
  section: PluginSection;
  rows: Map<string, Row[]>;
  sourceTenantId: string;
  targetTenantId: string;
  onTable?: (table: string, rows: number) => Promise<void>;
};

/** Checks and writes one plugin's rows inside the plugin's transaction. */
async function writePluginRows(tx: Tx, input: PluginImportInput): Promise<number> {
  const { pluginId, section } = input;
  const fileOf = (table: string) => pluginTableFile(pluginId, table);
  const catalog = await pluginTables(tx, pluginId);
  const byName = new Map(catalog.map((t) => [t.name, t]));
  const imported = new Map<string, TableInfo>();
  for (const [name, meta] of Object.entries(section.tables)) {
    const table = byName.get(name);
    const file = fileOf(name);
    if (!table)
      throw badInput(
        "archive",
        `${file}: plugin ${pluginId} has no table ${name} in this database`,
      );
    const known = new Set(table.columns.map((c) => c.name));
    const unknown = meta.columns.find((c) => !known.has(c));
    if (unknown) {
      throw badInput(
        "archive",
        `${file}: plugin ${pluginId} has no column ${name}.${unknown} in this database`,
      );
    }
    imported.set(name, table);
  }
  const busy: string[] = [];
  for (const table of catalog) {
    if ((await countRows(tx, table, input.targetTenantId)) > 0) busy.push(table.name);
  }
  if (busy.length) {
    throw new DomainError(
      "CONFLICT",
      `This sub-account already has plugin ${pluginId} data (in ${busy.join(", ")}); import only into a fresh sub-account`,
      "tenant",
    );
  }
  const ctx: RemapContext = {
    sourceTenantId: input.sourceTenantId,
    targetTenantId: input.targetTenantId,
    imported,
    tenantTables: new Set(catalog.map((t) => t.name)),
    users: new Map(),
    ids: new Map(),
    fileOf,
    keyOf: pluginKey,
  };
  await assignIds(ctx, input.rows, (table, count) => nextIds(tx, table, count));
  let written = 0;
  for (const table of insertionOrder([...imported.values()])) {
    const source = input.rows.get(table.name) ?? [];
    await input.onTable?.(table.name, source.length);
    const rows = source.map((r, i) => remapRow(ctx, table, r, i));
    const computed = new Set(table.columns.filter((c) => c.computed).map((c) => c.name));
    const columns = [
      ...new Set([...(section.tables[table.name]?.columns ?? []), "tenant_id"]),
    ].filter((c) => !computed.has(c));
    await insertRows(tx, table, columns, rows, { pluginId, file: fileOf(table.name) });
    await advanceSequences(tx, table, rows, fileOf(table.name));
    written += rows.length;
  }
  return written;
}

/** Thrown inside a staged plugin transaction to roll it back on purpose. */
class Rollback extends Error {}

export type StagedPluginImport = {
  pluginId: string;
  rows: number;
  /** Commits (true) or rolls back (false) the plugin's transaction. */
  finish(commit: boolean): Promise<void>;
};

/**
 * Writes one plugin's rows into the target sub-account in ONE transaction on the plugin's
 * runtime login (its RLS checks every row's tenant), and leaves that transaction open: the
 * caller commits every plugin only once every plugin and the core rows are written.
 */
export async function stagePluginImport(
  access: PluginDataAccess,
  input: PluginImportInput,
): Promise<StagedPluginImport> {
  let decide: (commit: boolean) => void = () => {};
  const decision = new Promise<boolean>((resolve) => {
    decide = resolve;
  });
  let staged: (rows: number) => void = () => {};
  const ready = new Promise<number>((resolve) => {
    staged = resolve;
  });
  const done = inPlugin(
    access,
    { pluginId: input.pluginId, tenantId: input.targetTenantId },
    async (tx) => {
      staged(await writePluginRows(tx, input));
      if (!(await decision)) throw new Rollback();
    },
  );
  // `done` settles first only when writing failed; then this rethrows that failure.
  const rows = await Promise.race([ready, done.then(() => -1)]);
  return {
    pluginId: input.pluginId,
    rows,
    async finish(commit) {
      decide(commit);
      try {
        await done;
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
    },
  };
}

/**
 * Deletes the target's rows from a plugin's tables (children first), for when a plugin
 * committed but the rest of the import did not. The sub-account had none before the import.
 */
export async function removePluginRows(
  access: PluginDataAccess,
  pluginId: string,
  tenantId: string,
): Promise<void> {
  await inPlugin(access, { pluginId, tenantId }, async (tx) => {
    const tables = insertionOrder(await pluginTables(tx, pluginId)).reverse();
    for (const table of tables) {
      await tx.execute(sql`delete from ${relation(table)} where tenant_id = ${tenantId}::uuid`);
    }
  });
}

/**
 * The plugin half of one import. check() runs in the core transaction before anything is
 * written; stage() writes every plugin in its own open transaction; commit() commits them;
 * abandon() (after any failure) rolls back the open ones and deletes what committed ones
 * wrote, so the sub-account is left as it was.
 */
export class PluginImports {
  private readonly sections: Array<[string, PluginSection]>;
  private readonly staged: StagedPluginImport[] = [];
  private readonly committed: string[] = [];
  private access: PluginDataAccess | null = null;
  /** Plugin rows in the archive, for progress. */
  readonly rows: number;

  constructor(
    private readonly archive: ParsedArchive,
    private readonly tenantId: string,
    private readonly given: PluginDataAccess | null | undefined,
  ) {
    this.sections = Object.entries(archive.manifest.plugins)
      .filter(([, section]) => Object.values(section.tables).some((t) => t.rows > 0))
      .sort(([a], [b]) => a.localeCompare(b));
    this.rows = this.sections.reduce(
      (n, [, s]) => n + Object.values(s.tables).reduce((m, t) => m + t.rows, 0),
      0,
    );
  }

  /** Refuses (before anything is written) unless every plugin is here at the same migrations. */
  async check(tx: Tx): Promise<void> {
    await this.checkVersions(tx);
    if (this.sections.length === 0) return;
    this.access = requireAccess(
      this.given,
      this.sections.map(([id]) => id),
      "imported",
    );
  }

  /** The part of check() that needs no plugin login, so an upload can be refused at once. */
  async checkVersions(tx: Tx): Promise<void> {
    if (this.sections.length === 0) return;
    const mine = await tx.execute<{ plugin_id: string; version: string; status: string }>(
      sql`select plugin_id, version, status from plugin_installations
        where tenant_id = ${this.tenantId}::uuid`,
    );
    const brought = this.archive.tables.get("plugin_installations") ?? [];
    for (const [pluginId, section] of this.sections) {
      const own = mine.find((r) => r.plugin_id === pluginId);
      const row = brought.find((r) => r.plugin_id === pluginId);
      const here =
        own ?? (row ? { version: String(row.version), status: String(row.status) } : undefined);
      await assertPluginMatches(tx, pluginId, section, here);
    }
  }

  async stage(onTable: (pluginId: string, table: string, rows: number) => Promise<void>) {
    const access = this.access;
    if (!access) return;
    for (const [pluginId, section] of this.sections) {
      this.staged.push(
        await stagePluginImport(access, {
          pluginId,
          section,
          rows: this.archive.plugins.get(pluginId) ?? new Map(),
          sourceTenantId: this.archive.manifest.source.tenantId,
          targetTenantId: this.tenantId,
          onTable: (table, rows) => onTable(pluginId, table, rows),
        }),
      );
    }
  }

  async commit(): Promise<void> {
    for (let next = this.staged.shift(); next; next = this.staged.shift()) {
      try {
        await next.finish(true);
      } catch (error) {
        throw new DomainError(
          "CONFLICT",
          `Plugin ${next.pluginId} rows could not be committed: ${driverMessage(error)}`,
        );
      }
      this.committed.push(next.pluginId);
    }
  }

  async abandon(): Promise<void> {
    for (const open of this.staged.splice(0)) await open.finish(false).catch(() => {});
    const access = this.access;
    for (const pluginId of this.committed.splice(0)) {
      if (!access) break;
      await removePluginRows(access, pluginId, this.tenantId).catch((error: unknown) => {
        console.error(
          `[omnify] import into ${this.tenantId}: plugin ${pluginId} rows were committed but the import failed, and removing them failed too:`,
          error,
        );
      });
    }
  }
}
