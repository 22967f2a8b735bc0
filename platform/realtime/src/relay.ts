import type { TenantEventPayload } from "@omnify/core/realtime/publish";
import type { Logger } from "./gateway";

/** At most this many ids per read; a burst beyond it is read in several batches, in order. */
const MAX_BATCH = 500;
/**
 * Waits before each retry of a failed read (a restarting or failing-over PostgreSQL, a full
 * pool). Events stay in the outbox for ten minutes, so retrying for ~10 s loses nothing a
 * short outage would otherwise drop; after the last retry the batch is logged and dropped.
 */
export const READ_RETRY_DELAYS_MS: readonly number[] = [100, 500, 2_000, 8_000];
/** Forged notifications can come in floods: at most this many drop warnings per window. */
const DROP_WARNINGS_PER_WINDOW = 20;
const DROP_WINDOW_MS = 10_000;

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
 * A failed read is retried (READ_RETRY_DELAYS_MS) before anything after it is read, so order
 * holds across an outage too. An id that names no committed event (a forged or
 * replayed-too-late NOTIFY) is dropped with a warning (rate-limited: forgeries can be floods).
 */
export function createEventRelay(opts: {
  read: (ids: string[]) => Promise<Map<string, TenantEventPayload>>;
  emit: (event: TenantEventPayload) => void;
  isEventId: (payload: string) => boolean;
  log: Logger;
  channel: string;
  /** Tests shorten the waits; production uses READ_RETRY_DELAYS_MS. */
  retryDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}): EventRelay {
  const delays = opts.retryDelaysMs ?? READ_RETRY_DELAYS_MS;
  const sleep =
    opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let pending: string[] = [];
  let running: Promise<void> | null = null;
  const drops = { windowStart: 0, logged: 0, suppressed: 0 };

  function warnDropped(message: string, now = Date.now()) {
    if (now - drops.windowStart >= DROP_WINDOW_MS) {
      if (drops.suppressed > 0)
        opts.log.warn(
          `[realtime] ${drops.suppressed} more dropped ${opts.channel} notification(s) were not logged`,
        );
      drops.windowStart = now;
      drops.logged = 0;
      drops.suppressed = 0;
    }
    if (drops.logged < DROP_WARNINGS_PER_WINDOW) {
      drops.logged++;
      opts.log.warn(message);
    } else drops.suppressed++;
  }

  async function readWithRetries(batch: string[]): Promise<Map<string, TenantEventPayload>> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await opts.read(batch);
      } catch (error) {
        const wait = delays[attempt];
        if (wait === undefined) throw error;
        opts.log.warn(
          `[realtime] could not read ${batch.length} event(s), retrying in ${wait} ms (${attempt + 1}/${delays.length})`,
        );
        await sleep(wait);
      }
    }
  }

  async function run(): Promise<void> {
    while (pending.length > 0) {
      const batch = pending.slice(0, MAX_BATCH);
      pending = pending.slice(batch.length);
      try {
        const found = await readWithRetries(batch);
        for (const id of batch) {
          const event = found.get(id);
          if (event) opts.emit(event);
          else warnDropped(`[realtime] dropped ${opts.channel} id ${id}: no such event`);
        }
      } catch (error) {
        opts.log.error(
          `[realtime] gave up reading ${batch.length} event(s) after ${delays.length} retries`,
          error,
        );
      }
    }
    running = null;
  }

  return {
    push(payload) {
      if (!opts.isEventId(payload)) {
        warnDropped(`[realtime] dropped ${opts.channel} payload: not an event id`);
        return;
      }
      pending.push(payload);
      running ??= run();
    },
    drain: () => running ?? Promise.resolve(),
  };
}
