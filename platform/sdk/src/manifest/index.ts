/** Host-side entry: schemas to re-validate what a bundle reports about itself. */
import { z } from "zod";
import { settingsFieldSchema } from "../settings-form.ts";
import { manifestSchema } from "./schema.ts";

export { formatIssues, PluginManifestError } from "./issues.ts";
export { SEMVER, SEMVER_RANGE, SLUG, STORAGE_KEY } from "./patterns.ts";
export {
  type Capabilities,
  capabilitiesSchema,
  HTTP_METHODS,
  type Manifest,
  type ManifestInput,
  manifestSchema,
} from "./schema.ts";

/** The JSON a bundle describes itself with (see PluginDefinition.describe). */
export const pluginDescriptorSchema = manifestSchema.extend({
  settingsForm: z.array(settingsFieldSchema),
  settingsSchema: z.record(z.string(), z.unknown()).optional(),
  handlers: z.strictObject({
    procedures: z.array(z.string()),
    events: z.array(z.string()),
    jobs: z.array(z.string()),
  }),
});
