import { z } from "zod";

export const ZEnabledUiOutput = z.array(
  z.object({
    pluginId: z.string(),
    version: z.string(),
    name: z.string(),
    remoteName: z.string(),
    manifestUrl: z.string(),
    manifestSha256: z.string(),
    files: z.record(z.string(), z.string()),
    slots: z.array(z.string()),
    navLabel: z.string().nullable(),
    settings: z.record(z.string(), z.unknown()),
  }),
);
