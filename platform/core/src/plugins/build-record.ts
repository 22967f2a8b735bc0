import { z } from "zod";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be a hex sha256");

/** `dist/omnify-plugin.json`, as `omnify-plugin build` writes it (docs/PLUGINS-CONTRACT.md). */
export const buildRecordSchema = z.object({
  id: z.string().min(1),
  version: z.string().min(1),
  manifest: z.record(z.string(), z.unknown()),
  server: z.object({ file: z.string(), sha256 }),
  ui: z
    .looseObject({
      remoteName: z.string(),
      manifestFile: z.string(),
      manifestSha256: sha256,
      files: z.record(z.string(), sha256),
    })
    .nullable(),
  migrations: z.array(z.object({ name: z.string(), sha256 })).default([]),
});
export type BuildRecord = z.output<typeof buildRecordSchema>;

/** A build record plus the bytes it points at, read from the plugin's dist/ and migrations/. */
export type PluginRelease = {
  record: BuildRecord;
  serverCode: string;
  /** SQL of each migration named in the record, by name. */
  migrationSql: Record<string, string>;
};
