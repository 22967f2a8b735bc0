import { z } from "zod";
import { ZCapabilities, ZSettingsField } from "./shared.types";

export const ZCatalogOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    latestVersion: z.string(),
    compatible: z.boolean(),
    capabilities: ZCapabilities,
    capabilityList: z.array(z.string()),
    settingsForm: z.array(ZSettingsField),
    installed: z
      .object({
        version: z.string(),
        status: z.enum(["enabled", "disabled", "uninstalled"]),
        upgradeAvailable: z.boolean(),
        /** Capability atoms the newest version adds beyond what was consented. */
        addedCapabilities: z.array(z.string()),
      })
      .nullable(),
  }),
);
