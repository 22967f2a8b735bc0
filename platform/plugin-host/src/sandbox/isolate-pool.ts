import type { PluginDescriptor } from "@omnify/plugin-sdk";
import type ivm from "isolated-vm";
import { PluginLoadError } from "../errors.ts";
import { checkDescriptor } from "./descriptor.ts";
import { type Bridge, PluginIsolate } from "./plugin-isolate.ts";
import type { IsolateKey, Usage, WorkerConfig } from "./protocol.ts";

type Entry = { key: IsolateKey; sha256: string; isolate: PluginIsolate };
export type Hooks = {
  bridgeFor(key: IsolateKey, sha256: string): Bridge;
  onDescriptor(sha256: string, descriptor: PluginDescriptor): void;
  onUsage(key: IsolateKey, usage: Usage): void;
  /** A spare failed to load (the next tenant then loads its own isolate, and sees any error). */
  onSpareFailed?(sha256: string, error: unknown): void;
};

/**
 * A bundle loaded into a fresh isolate that no tenant has had yet. Host calls are refused
 * until `PluginIsolate.bind` gives it to the one tenant that claims it.
 */
type Spare = {
  sha256: string;
  memoryMb: number;
  loading: Promise<PluginIsolate | undefined>;
  ready: PluginIsolate | undefined;
  /** Evicted, forgotten or disposed with the pool before anyone claimed it. */
  dropped: boolean;
};

const REFILL_MAX_WAIT_MS = 1000;
const keyOf = (k: IsolateKey) => `${k.tenantId}\u0000${k.pluginId}\u0000${k.version}`;

/**
 * The isolates of one worker process: one per (tenant, plugin, version), least recently used
 * evicted past `maxIsolates`. A Map keeps insertion order, so re-inserting on use makes the
 * first key the least recently used.
 *
 * Evaluating a bundle (zod building its schemas, the manifest parse) costs ~15 ms of CPU even
 * with a warm code cache, so for each recently used bundle one spare isolate is loaded ahead
 * of need (`maxSpares` bundles per process, least recently claimed dropped first). A new
 * tenant claims it and a replacement starts loading; the manifest probe's isolate is the first
 * spare. Spares are never shared: one tenant each, bound once.
 */
export class IsolatePool {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<Entry>>();
  private readonly descriptors = new Map<string, Promise<PluginDescriptor>>();
  // V8 code cache per bundle, taken from the probe after the bundle ran (see codeCache()): a
  // later isolate then neither parses the ~600 kB bundle nor lazily compiles what load runs.
  // Keyed by the code's sha256 on purpose: V8 checks a cache against its source only by
  // length, so a cache must never be offered to other code.
  private readonly codeCache = new Map<string, ivm.ExternalCopy<ArrayBuffer>>();
  private readonly spares = new Map<string, Spare>();
  // Spares to load once the process is quiet (see startRefills), by sha256.
  private readonly refills = new Map<string, { memoryMb: number; label: string; since: number }>();

  private readonly config: WorkerConfig;
  private readonly code: (sha256: string) => string | undefined;
  private readonly hooks: Hooks;

  constructor(config: WorkerConfig, code: (sha256: string) => string | undefined, hooks: Hooks) {
    this.config = config;
    this.code = code;
    this.hooks = hooks;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Spare isolates loaded or loading, for stats. */
  get spareCount(): number {
    return this.spares.size;
  }

  /** Reads and checks a bundle's manifest once per code, in an isolate no tenant has. */
  describe(sha256: string): Promise<PluginDescriptor> {
    let p = this.descriptors.get(sha256);
    if (!p) {
      p = this.loadDescriptor(sha256);
      this.descriptors.set(sha256, p);
      p.catch(() => this.descriptors.delete(sha256));
    }
    return p;
  }

  private async loadDescriptor(sha256: string): Promise<PluginDescriptor> {
    const memoryMb = this.config.defaultMemoryMb;
    const probe = await this.load(sha256, memoryMb, sha256.slice(0, 12));
    let descriptor: PluginDescriptor;
    try {
      descriptor = checkDescriptor(probe.describeJson, this.config.hostApiVersion);
    } catch (e) {
      probe.dispose("evicted");
      throw e;
    }
    this.hooks.onDescriptor(sha256, descriptor);
    // The probe has run nothing but the bundle's own load: it can be the first spare. Its
    // load (a compile from source, and the code cache) stays host overhead, as it was when
    // probes were thrown away; a refilled spare's load is billed to whoever claims it, as a
    // tenant's own load always was.
    if (this.memoryFor(descriptor) === memoryMb && this.code(sha256) !== undefined) {
      probe.takeUsage();
      this.keepSpare({
        sha256,
        memoryMb,
        loading: Promise.resolve(probe),
        ready: probe,
        dropped: false,
      });
    } else probe.dispose("evicted");
    return descriptor;
  }

  /** Loads the bundle into a new, unbound isolate, and keeps a good code cache for it. */
  private async load(sha256: string, memoryMb: number, label: string): Promise<PluginIsolate> {
    const code = this.requireCode(sha256);
    const isolate = await PluginIsolate.load(code, {
      memoryMb,
      timeoutMs: this.config.loadTimeoutMs,
      label,
      cachedData: this.codeCache.get(sha256),
    });
    // No cache yet, or V8 refused it (corrupt, or from another V8) and compiled from source.
    if (isolate.cacheRejected || !this.codeCache.has(sha256)) {
      try {
        this.keepCodeCache(sha256, await isolate.codeCache(code));
        isolate.idleCpuMark = isolate.cpuTime();
      } catch (e) {
        isolate.dispose("load_failed");
        throw e;
      }
    }
    return isolate;
  }

  // Replaced or forgotten caches are left to the GC rather than released: a load that is
  // still on its way to compileScript may hold the old copy.
  private keepCodeCache(sha256: string, cache: ivm.ExternalCopy<ArrayBuffer> | undefined): void {
    if (cache) this.codeCache.set(sha256, cache);
    else this.codeCache.delete(sha256);
  }

  private requireCode(sha256: string): string {
    const code = this.code(sha256);
    if (code === undefined)
      throw new PluginLoadError(`bundle ${sha256} is not loaded in this process`);
    return code;
  }

  private memoryFor(d: PluginDescriptor): number {
    return Math.min(d.limits?.memoryMb ?? this.config.defaultMemoryMb, this.config.maxMemoryMb);
  }

  async get(key: IsolateKey, sha256: string): Promise<PluginIsolate> {
    const k = keyOf(key);
    const existing = this.entries.get(k);
    if (existing && existing.sha256 === sha256 && !existing.isolate.disposed) {
      this.entries.delete(k);
      this.entries.set(k, existing);
      return existing.isolate;
    }
    if (existing) this.drop(k, existing, "evicted");
    let pending = this.loading.get(k);
    if (!pending) {
      pending = this.create(key, sha256).finally(() => this.loading.delete(k));
      this.loading.set(k, pending);
    }
    return (await pending).isolate;
  }

  private async create(key: IsolateKey, sha256: string): Promise<Entry> {
    const d = await this.describe(sha256);
    if (d.id !== key.pluginId || d.version !== key.version) {
      throw new PluginLoadError(
        `bundle is ${d.id}@${d.version}, but the call named ${key.pluginId}@${key.version}`,
      );
    }
    const memoryMb = this.memoryFor(d);
    const label = `${key.pluginId}@${key.version}`;
    const isolate =
      (await this.claimSpare(sha256, memoryMb)) ?? (await this.load(sha256, memoryMb, label));
    isolate.bind(this.hooks.bridgeFor(key, sha256));
    const entry = { key, sha256, isolate };
    this.entries.set(keyOf(key), entry);
    this.evictOverflow(entry);
    if (this.config.maxSpares > 0 && !this.spares.has(sha256)) {
      this.refills.set(sha256, { memoryMb, label, since: Date.now() });
    }
    return entry;
  }

  /** Takes the bundle's spare, waiting for it if it is still loading; undefined if none. */
  private async claimSpare(sha256: string, memoryMb: number): Promise<PluginIsolate | undefined> {
    const spare = this.spares.get(sha256);
    if (!spare || spare.memoryMb !== memoryMb) return undefined;
    this.spares.delete(sha256);
    const isolate = await spare.loading;
    return isolate && !isolate.disposed && !isolate.bound ? isolate : undefined;
  }

  /**
   * Starts the spare loads that wait for a quiet moment: a load takes a core for ~15 ms and
   * creating its isolate blocks this thread ~1 ms, which neither a caller's answer nor a
   * running call should wait for. Called after each request is answered, and from sweep(),
   * which also starts any that has waited a second behind calls that keep running.
   */
  startRefills(): void {
    if (this.refills.size === 0) return;
    let busy = false;
    for (const e of this.entries.values()) if (e.isolate.inFlight > 0) busy = true;
    const now = Date.now();
    for (const [sha256, r] of this.refills) {
      if (busy && now - r.since < REFILL_MAX_WAIT_MS) continue;
      this.refills.delete(sha256);
      this.refillSpare(sha256, r.memoryMb, r.label);
    }
  }

  /** Starts loading the next spare for a bundle a tenant just took one of. */
  private refillSpare(sha256: string, memoryMb: number, label: string): void {
    if (this.config.maxSpares <= 0 || this.spares.has(sha256) || !this.code(sha256)) return;
    const spare: Spare = {
      sha256,
      memoryMb,
      loading: Promise.resolve(undefined),
      ready: undefined,
      dropped: false,
    };
    spare.loading = this.load(sha256, memoryMb, label).then(
      (isolate) => {
        if (spare.dropped) {
          isolate.dispose("evicted");
          return undefined;
        }
        spare.ready = isolate;
        return isolate;
      },
      (e: unknown) => {
        // The claimer loads again and reports the error itself; no refill loop from here.
        if (this.spares.get(sha256) === spare) this.spares.delete(sha256);
        this.hooks.onSpareFailed?.(sha256, e);
        return undefined;
      },
    );
    this.keepSpare(spare);
  }

  private keepSpare(spare: Spare): void {
    if (this.config.maxSpares <= 0) {
      this.dropSpare(spare);
      return;
    }
    const old = this.spares.get(spare.sha256);
    if (old && old !== spare) this.dropSpare(old);
    this.spares.set(spare.sha256, spare);
    for (const s of this.spares.values()) {
      if (this.spares.size <= this.config.maxSpares) break;
      this.dropSpare(s);
    }
  }

  private dropSpare(spare: Spare): void {
    spare.dropped = true;
    if (this.spares.get(spare.sha256) === spare) this.spares.delete(spare.sha256);
    // A still loading spare is disposed by refillSpare once it is done.
    spare.ready?.dispose("evicted");
  }

  private evictOverflow(keep: Entry): void {
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.config.maxIsolates) return;
      if (e !== keep && e.isolate.inFlight === 0) this.drop(k, e, "evicted");
    }
  }

  private drop(k: string, e: Entry, reason: "evicted" | "idle_cpu"): void {
    if (this.entries.get(k) === e) this.entries.delete(k);
    e.isolate.dispose(reason);
    this.hooks.onUsage(e.key, e.isolate.takeUsage());
  }

  /** Forgets disposed isolates and kills idle ones that keep burning CPU after returning. */
  sweep(): void {
    const budgetNs = BigInt(this.config.idleCpuBudgetMs) * 1_000_000n;
    const burning = (i: PluginIsolate) => {
      const cpu = i.cpuTime();
      if (cpu - i.idleCpuMark > budgetNs) return true;
      i.idleCpuMark = cpu;
      return false;
    };
    for (const [k, e] of this.entries) {
      if (e.isolate.disposed) {
        this.entries.delete(k);
        this.hooks.onUsage(e.key, e.isolate.takeUsage());
      } else if (e.isolate.inFlight === 0 && burning(e.isolate)) this.drop(k, e, "idle_cpu");
    }
    // A spare's load left work running (say, a loop on refused host calls): no tenant gets it.
    for (const s of this.spares.values()) {
      if (s.ready && (s.ready.disposed || burning(s.ready))) this.dropSpare(s);
    }
    this.startRefills();
  }

  /** Drops what is cached for code no live isolate uses. */
  forget(sha256: string): void {
    this.descriptors.delete(sha256);
    this.codeCache.delete(sha256);
    this.refills.delete(sha256);
    const spare = this.spares.get(sha256);
    if (spare) this.dropSpare(spare);
  }

  /** Code still referenced by a live isolate (the worker keeps that code cached). */
  liveCode(): Set<string> {
    return new Set([...this.entries.values()].map((e) => e.sha256));
  }

  /** Disposes every isolate; resolves once spares that were still loading are disposed too. */
  async disposeAll(): Promise<void> {
    this.refills.clear();
    for (const [k, e] of this.entries) this.drop(k, e, "evicted");
    const loading = [...this.spares.values()].map((s) => s.loading);
    for (const s of this.spares.values()) this.dropSpare(s);
    await Promise.all(loading);
  }
}
