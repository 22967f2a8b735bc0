import type { ServerClock } from "./clock";
import type { MediaCache } from "./media-cache";
import type { PlayRecord } from "./proof-of-play";
import {
  activeItems,
  buildSlots,
  localTime,
  newItems,
  type Schedule,
  type ScheduleItem,
  slotAt,
} from "./schedule";

type Showing = { item: ScheduleItem | null; startedAt: number; until: number };

export type PlayerOptions = {
  root: HTMLElement;
  clock: ServerClock;
  media: MediaCache;
  /** Called once per creative shown, when it ends (or is cut short). */
  onPlay: (record: PlayRecord) => void;
  /** A stalled player is restarted; after this many stalls in a row the page reloads. */
  maxStalls?: number;
};

/**
 * The playback engine. Loops are aligned to server time, so slot boundaries are the same on
 * every screen; each slot shows its creative or the fallback layout (never a blank screen).
 * A watchdog restarts the engine when a slot overruns, and reloads the page if that keeps
 * happening.
 */
export class Player {
  private schedule: Schedule | null = null;
  private showing: Showing | null = null;
  private priority: ScheduleItem[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stalls = 0;
  private readonly stage: HTMLElement;
  private readonly fallback: HTMLElement;
  private readonly mediaLayer: HTMLElement;

  constructor(private readonly opts: PlayerOptions) {
    opts.root.replaceChildren();
    this.stage = el("div", "stage");
    this.stage.dataset.testid = "player";
    this.mediaLayer = el("div", "media");
    this.fallback = el("div", "fallback");
    this.stage.append(this.mediaLayer, this.fallback);
    opts.root.append(this.stage);
    this.renderFallback();
    setInterval(() => this.watchdog(), 2_000);
  }

  get currentItemId(): string | null {
    return this.showing?.item?.itemId ?? null;
  }

  /** Applies a schedule. New items play at once if the screen is showing its fallback. */
  apply(next: Schedule): void {
    const now = this.opts.clock.now();
    const fresh = newItems(this.schedule, next, now);
    this.schedule = next;
    this.opts.media.retain(next.items.map((i) => i.url));
    // Queued first plays survive only if their item is still scheduled; ids, not objects,
    // identify items across schedules.
    this.priority = this.priority.filter((p) => next.items.some((i) => i.itemId === p.itemId));
    for (const item of fresh)
      if (!this.priority.some((p) => p.itemId === item.itemId)) this.priority.push(item);
    const current = this.showing?.item;
    const removed = current && !next.items.some((i) => i.itemId === current.itemId);
    if (!this.showing || !current || removed) this.restart();
    else this.renderFallback();
  }

  /** Starts (or restarts) the loop from the current server time. */
  restart(): void {
    this.finish(this.opts.clock.now());
    void this.step();
  }

  private async step(): Promise<void> {
    clearTimeout(this.timer);
    const schedule = this.schedule;
    const now = this.opts.clock.now();
    let item: ScheduleItem | null = null;
    let until: number;
    const first = this.priority.shift();
    if (schedule && first) {
      item = first;
      until =
        now +
        Math.min(first.durationMs || schedule.spotSeconds * 1000, schedule.spotSeconds * 1000);
    } else if (schedule) {
      const pos = slotAt(schedule, now);
      item = buildSlots(activeItems(schedule, now), pos.slotCount)[pos.index] ?? null;
      until = pos.slotEnd;
    } else {
      until = now + 5_000;
    }
    const objectUrl = item ? await this.opts.media.objectUrl(item.url) : null;
    if (item && !objectUrl) item = null; // not cached yet: the fallback fills the slot
    this.showing = { item, startedAt: this.opts.clock.now(), until };
    this.render(item, objectUrl);
    this.timer = setTimeout(
      () => {
        this.finish(this.opts.clock.now());
        void this.step();
      },
      Math.max(50, until - this.opts.clock.now()),
    );
  }

  /** Ends what is showing and reports it as played for as long as it was on screen. */
  private finish(at: number): void {
    const showing = this.showing;
    this.showing = null;
    if (!showing?.item) return;
    const durationMs = Math.max(0, Math.min(at, showing.until) - showing.startedAt);
    if (durationMs < 500) return;
    this.stalls = 0;
    this.opts.onPlay({
      id: crypto.randomUUID(),
      itemId: showing.item.itemId,
      bookingId: showing.item.bookingId,
      creativeId: showing.item.creativeId,
      startedAt: new Date(showing.startedAt).toISOString(),
      durationMs: Math.round(durationMs),
    });
  }

  private watchdog(): void {
    const showing = this.showing;
    if (!showing || this.opts.clock.now() < showing.until + 3_000) return;
    this.stalls++;
    console.warn(`[screen] watchdog: slot overran by ${this.opts.clock.now() - showing.until} ms`);
    if (this.stalls >= (this.opts.maxStalls ?? 3)) location.reload();
    else this.restart();
  }

  private render(item: ScheduleItem | null, objectUrl: string | null): void {
    this.stage.dataset.state = item ? "playing" : "fallback";
    this.stage.dataset.itemId = item?.itemId ?? "";
    this.stage.dataset.creativeId = item?.creativeId ?? "";
    if (!item || !objectUrl) {
      this.mediaLayer.replaceChildren();
      this.renderFallback();
      return;
    }
    const node = item.contentType.startsWith("video/")
      ? Object.assign(document.createElement("video"), {
          src: objectUrl,
          muted: true,
          autoplay: true,
          playsInline: true,
          loop: false,
        })
      : Object.assign(document.createElement("img"), { src: objectUrl, alt: "" });
    node.className = "creative";
    // A file that fails to decode must not leave a black screen.
    node.addEventListener("error", () => {
      this.stage.dataset.state = "fallback";
      this.mediaLayer.replaceChildren();
    });
    this.mediaLayer.replaceChildren(node);
  }

  private renderFallback(): void {
    const s = this.schedule;
    const title = s?.fallback.title ?? "Omnify";
    const subtitle = s?.fallback.subtitle ?? "";
    const clock = s ? localTime(this.opts.clock.now(), s.hours.timezone) : "";
    const h = el("h1", "fallback-title");
    h.textContent = title;
    const p = el("p", "fallback-subtitle");
    p.textContent = subtitle;
    const t = el("p", "fallback-clock");
    t.textContent = clock;
    this.fallback.replaceChildren(h, p, t);
  }
}

function el(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
