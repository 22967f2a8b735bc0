import type { TenantEventPayload } from "@omnify/core/realtime/publish";
import type { Logger } from "./gateway";

/** At most this many ids per read; a burst beyond it is read in several batches, in order. */
const MAX_BATCH = 500;

export type EventRelay = {
  /** Takes one notification payload (an event id); reads and emits it soon, in arrival order. */
  push(payload: string): void;
  /** Resolves once every pushed id has been read and emitted (or dropped). */
  drain(): Promise<void>;
};

/**
 * Turns notifications into events. Ids that arrive while a read is under way are read
 * together in the next one, so a burst costs one round trip per batch, not per event, and
 * events are emitted in the order PostgreSQL delivered their notifications (commit order).
 * An id that names no committed event (a forged or replayed-too-late NOTIFY) is dropped.
 */
export function createEventRelay(opts: {
  read: (ids: string[]) => Promise<Map<string, TenantEventPayload>>;
  emit: (event: TenantEventPayload) => void;
  isEventId: (payload: string) => boolean;
  log: Logger;
  channel: string;
}): EventRelay {
  let pending: string[] = [];
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.slice(0, MAX_BATCH);
      pending = pending.slice(batch.length);
      try {
        const found = await opts.read(batch);
        for (const id of batch) {
          const event = found.get(id);
          if (event) opts.emit(event);
          else opts.log.warn(`[realtime] dropped ${opts.channel} id ${id}: no such event`);
        }
      } catch (error) {
        opts.log.error(`[realtime] could not read ${batch.length} event(s)`, error);
      }
    }
    running = null;
  }

  return {
    push(payload) {
      if (!opts.isEventId(payload)) {
        opts.log.warn(`[realtime] dropped ${opts.channel} payload: not an event id`);
        return;
      }
      pending.push(payload);
      running ??= run();
    },
    drain: () => running ?? Promise.resolve(),
  };
}
