import { z } from "zod";
import { UI_SLOTS } from "./slots.ts";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be a hex sha256");
/** A path inside `dist/ui/`: relative, forward slashes, no `..` or empty segments. */
const assetPath = z
  .string()
  .max(300)
  .regex(
    /^(?!.*(?:^|\/)\.{1,2}(?:\/|$))[A-Za-z0-9._@-]+(?:\/[A-Za-z0-9._@-]+)*$/,
    "must be a plain relative path",
  );

/** The `ui` part of `dist/omnify-plugin.json`, stored as-is in the catalog (`plugin_versions.ui`). */
export const uiBuildRecordSchema = z.strictObject({
  remoteName: z.string().regex(/^omnify_plugin_[a-z0-9_]+$/),
  manifestFile: z.literal("ui/mf-manifest.json"),
  manifestSha256: sha256,
  /** Every emitted file under `dist/ui/`, keyed by its path relative to `dist/`. */
  files: z.record(z.string().regex(/^ui\//).pipe(assetPath), sha256),
});
export type UiBuildRecord = z.output<typeof uiBuildRecordSchema>;

const slot = z.enum(Object.keys(UI_SLOTS) as [keyof typeof UI_SLOTS, ...(keyof typeof UI_SLOTS)[]]);

/** One entry of `plugins.enabledUi`: what the portal needs to mount an enabled plugin's slots. */
export const enabledUiEntrySchema = z.object({
  pluginId: z.string(),
  version: z.string(),
  name: z.string(),
  remoteName: z.string(),
  /** `/_plugins/<id>/<version>/ui/mf-manifest.json` */
  manifestUrl: z.string().startsWith("/_plugins/"),
  manifestSha256: sha256,
  files: z.record(z.string(), sha256),
  slots: z.array(slot),
  navLabel: z.string().nullable(),
  /** The installation's settings; optional so an API without it still parses. */
  settings: z.record(z.string(), z.unknown()).optional(),
});
export type EnabledUiEntry = z.output<typeof enabledUiEntrySchema>;
