import { z } from "@omnify/plugin-sdk";
import { slug } from "../lib/utm.ts";

export const recordClickInput = z.strictObject({
  /** Chosen by the caller (the redirect edge) so a retried delivery is counted once. */
  clickId: z.string().trim().min(8).max(100),
  slug,
  referrer: z.string().trim().max(500).optional(),
  /** When the click happened; defaults to now. For backfills and delayed deliveries. */
  occurredAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecordClickInput = z.output<typeof recordClickInput>;
