import { z } from "zod";
import { ZPluginId, ZSettingsField } from "./shared.types";

export const ZSettings = z.record(z.string(), z.unknown());
export const ZGetSettingsOutput = z.object({
  pluginId: z.string(),
  version: z.string(),
  settings: ZSettings,
  form: z.array(ZSettingsField),
  /** Names and when they were last set: never the values. */
  secrets: z.array(z.object({ name: z.string(), updatedAt: z.date().nullable() })),
});
export const ZUpdateSettingsInput = z.object({ pluginId: ZPluginId, settings: ZSettings });
export const ZUpdateSettingsOutput = z.object({ settings: ZSettings });
export const ZSetSecretInput = z.object({
  pluginId: ZPluginId,
  name: z.string().min(1).max(100),
  value: z.string().max(10_000),
});
export const ZSetSecretOutput = z.object({ name: z.string(), updatedAt: z.date() });
