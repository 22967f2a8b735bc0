import { z } from "zod";
import { ZPluginId } from "./shared.types";

export const ZCallInput = z.object({
  pluginId: ZPluginId,
  procedure: z.string().min(1).max(200),
  input: z.unknown().optional(),
});
export const ZCallOutput = z.unknown();
