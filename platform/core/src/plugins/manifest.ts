import { z } from "zod";

/**
 * The part of a stored plugin manifest (the bundle's `describe()` output, validated by the
 * plugin host at build) that core relies on. Parsed loosely: the catalog row is the record,
 * and fields core does not read pass through untouched.
 */
const capabilities = z.object({
  db: z.object({ migrations: z.literal(true) }).optional(),
  http: z
    .object({ allow: z.array(z.object({ url: z.string(), methods: z.array(z.string()) })) })
    .optional(),
  secrets: z.array(z.string()).optional(),
  events: z
    .object({ subscribe: z.array(z.string()).optional(), emit: z.array(z.string()).optional() })
    .optional(),
  schedules: z
    .array(z.object({ id: z.string(), cron: z.string(), timezone: z.string().optional() }))
    .optional(),
  realtime: z.object({ channels: z.array(z.string()) }).optional(),
  meters: z
    .array(z.object({ name: z.string(), aggregation: z.string(), unit: z.string().optional() }))
    .optional(),
  ui: z.object({ slots: z.array(z.string()) }).optional(),
  devices: z.object({ procedures: z.array(z.string()) }).optional(),
  storage: z.object({ accept: z.array(z.string()), maxObjectMb: z.number() }).optional(),
  payments: z.object({ providers: z.array(z.enum(["stripe", "paystack"])) }).optional(),
});

export const pluginManifestSchema = z.looseObject({
  id: z.string(),
  version: z.string(),
  hostApi: z.string(),
  name: z.string(),
  description: z.string().default(""),
  capabilities: capabilities.default({}),
  settingsForm: z.array(z.looseObject({ name: z.string() })).default([]),
  settingsSchema: z.record(z.string(), z.unknown()).optional(),
  handlers: z
    .object({
      procedures: z.array(z.string()),
      events: z.array(z.string()),
      jobs: z.array(z.string()),
    })
    .default({ procedures: [], events: [], jobs: [] }),
});
export type PluginManifest = z.output<typeof pluginManifestSchema>;
export type PluginCapabilities = PluginManifest["capabilities"];
export const capabilitiesSchema = capabilities;

/** Reads a stored manifest; a row that does not parse is a bug in registration, not input. */
export function readManifest(raw: unknown): PluginManifest {
  return pluginManifestSchema.parse(raw);
}
