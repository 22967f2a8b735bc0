import { z } from "zod";

export const ARCHIVE_FORMAT = "omnify-tenant-export";
/**
 * Bump when the archive layout changes; imports refuse versions they do not know. Version 2
 * added plugin data (`plugins`); version 1 archives had none and still import.
 */
export const ARCHIVE_FORMAT_VERSION = 2;
export const MANIFEST_FILE = "manifest.json";
export const TENANT_FILE = "tenant.json";
export const USERS_FILE = "users.jsonl";
export const tableFile = (table: string) => `tables/${table}.jsonl`;
export const pluginTableFile = (pluginId: string, table: string) =>
  `plugins/${pluginId}/${table}.jsonl`;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** Table names that travel in file names as they are. */
export const TABLE_NAME = /^[a-z0-9_]+$/;
const PLUGIN_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const fileName = z
  .string()
  .regex(
    /^(tables\/[a-z0-9_]+\.jsonl|plugins\/[a-z][a-z0-9-]*\/[a-z0-9_]+\.jsonl|tenant\.json|users\.jsonl)$/,
  );
const tables = z.record(
  z.string().regex(TABLE_NAME),
  z.object({ rows: z.number().int().nonnegative(), columns: z.array(z.string()) }),
);

/** One plugin's data: the installed version and the migrations its tables were made by. */
export const ZPluginSection = z.object({
  version: z.string().min(1),
  schema: z.string().min(1),
  migrations: z.array(z.object({ name: z.string(), sha256 })),
  tables,
});
export type PluginSection = z.infer<typeof ZPluginSection>;

export const ZManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(ARCHIVE_FORMAT_VERSION)]),
  /** sha256 of the exported tables' names and column types (see schemaFingerprint). */
  schemaFingerprint: sha256,
  exportedAt: z.iso.datetime(),
  source: z.object({ tenantId: z.uuid(), slug: z.string(), kind: z.string() }),
  tables,
  /** Plugin id → its rows' tables, read on the plugin's own login under the tenant's RLS. */
  plugins: z.record(z.string().regex(PLUGIN_ID), ZPluginSection).default({}),
  files: z.array(
    z.object({
      path: fileName,
      sha256,
      bytes: z.number().int().nonnegative(),
      rows: z.number().int().nonnegative().optional(),
    }),
  ),
  excluded: z.record(z.string(), z.string()),
});
export type Manifest = z.infer<typeof ZManifest>;

/** What users.jsonl holds: enough to find the same person on import, nothing secret. */
export const ZExportedUser = z.object({ id: z.uuid(), email: z.string(), name: z.string() });
export type ExportedUser = z.infer<typeof ZExportedUser>;

export const ZExportedTenant = z.object({
  name: z.string(),
  slug: z.string(),
  theme_id: z.string(),
  brand: z.record(z.string(), z.unknown()),
});
export type ExportedTenant = z.infer<typeof ZExportedTenant>;
