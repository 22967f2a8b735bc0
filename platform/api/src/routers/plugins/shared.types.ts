import { z } from "zod";

export const ZPluginId = z.string().min(1).max(64);
export const ZPluginRef = z.object({ pluginId: ZPluginId });
/** Capability sets are validated by core (it names `consentedCapabilities` when they differ). */
export const ZCapabilities = z.record(z.string(), z.unknown());
export const ZInstallation = z.object({
  pluginId: z.string(),
  version: z.string(),
  status: z.enum(["enabled", "disabled", "uninstalled"]),
  consentedCapabilities: ZCapabilities,
  installedAt: z.date(),
  updatedAt: z.date(),
});
export const ZSettingsField = z.looseObject({ name: z.string() });
