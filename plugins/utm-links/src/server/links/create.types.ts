import { z } from "@omnify/plugin-sdk";
import { httpUrl, slug, utmValue } from "../lib/utm.ts";

export const createLinkInput = z.strictObject({
  destination: httpUrl,
  campaign: utmValue,
  /** Defaults to the `defaultSource` setting. */
  source: utmValue.optional(),
  /** Defaults to the `defaultMedium` setting. */
  medium: utmValue.optional(),
  term: utmValue.optional(),
  content: utmValue.optional(),
  /** Defaults to one made from the campaign. */
  slug: slug.optional(),
});
export type CreateLinkInput = z.output<typeof createLinkInput>;
