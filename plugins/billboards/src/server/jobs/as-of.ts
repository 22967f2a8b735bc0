import { z } from "@omnify/plugin-sdk";

const payload = z.object({ asOf: z.iso.datetime({ offset: true }).optional() }).catch({});

/**
 * The instant a job evaluates. Schedules send no payload (now); a backfill or a test may
 * pass `{ asOf }` to evaluate a later instant, as `rollup-clicks` takes `{ day }`.
 */
export const asOf = (p: unknown): string => payload.parse(p ?? {}).asOf ?? new Date().toISOString();
