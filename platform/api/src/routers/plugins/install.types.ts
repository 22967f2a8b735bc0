import { z } from "zod";
import { ZCapabilities, ZInstallation, ZPluginId } from "./shared.types";

export const ZInstallInput = z.object({
  pluginId: ZPluginId,
  version: z.string().min(1).max(64),
  consentedCapabilities: ZCapabilities,
  settings: z.record(z.string(), z.unknown()).optional(),
});
export const ZInstallOutput = ZInstallation;

export const ZUpgradeInput = ZInstallInput.extend({
  consentedCapabilities: ZCapabilities.optional(),
});
export const ZUpgradeOutput = ZInstallation.extend({ addedCapabilities: z.array(z.string()) });
