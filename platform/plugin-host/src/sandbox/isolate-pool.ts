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
};

const keyOf = (k: IsolateKey) => `${k.tenantId}\u0000${k.pluginId}\u0000${k.version}`;
const refuseBridge: Bridge = async () =>
  JSON.stringify({
    ok: false,
    error: { code: "not_available", message: "host APIs are not available while a plugin loads" },
  });

/**
 * The isolates of one worker process: one per (tenant, plugin, version), least recently used
 * evicted past `maxIsolates`. A Map keeps insertion order, so re-inserting on use makes the
 * first key the least recently used.
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

  /** Reads and checks a bundle's manifest once per code, in a throwaway isolate. */
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
    const code = this.requireCode(sha256);
    const { defaultMemoryMb: memoryMb, loadTimeoutMs: timeoutMs } = this.config;
    const probe = await PluginIsolate.load(code, {
      memoryMb,
      timeoutMs,
      bridge: refuseBridge,
      label: sha256.slice(0, 12),
    });
    try {
      this.keepCodeCache(sha256, await probe.codeCache(code));
    } finally {
      probe.dispose("evicted");
    }
    const descriptor = checkDescriptor(probe.describeJson, this.config.hostApiVersion);
    this.hooks.onDescriptor(sha256, descriptor);
    return descriptor;
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
    const memoryMb = Math.min(
      d.limits?.memoryMb ?? this.config.defaultMemoryMb,
      this.config.maxMemoryMb,
    );
    const isolate = await PluginIsolate.load(this.requireCode(sha256), {
      memoryMb,
      timeoutMs: this.config.loadTimeoutMs,
      bridge: this.hooks.bridgeFor(key, sha256),
      label: `${key.pluginId}@${key.version}`,
      cachedData: this.codeCache.get(sha256),
    });
    // A refused cache (corrupt, or from another V8) cost this load a full compile; replace it.
    if (isolate.cacheRejected || !this.codeCache.has(sha256)) {
      this.keepCodeCache(sha256, await isolate.codeCache(this.requireCode(sha256)));
    }
    const entry = { key, sha256, isolate };
    this.entries.set(keyOf(key), entry);
    this.evictOverflow(entry);
    return entry;
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
    for (const [k, e] of this.entries) {
      if (e.isolate.disposed) {
        this.entries.delete(k);
        this.hooks.onUsage(e.key, e.isolate.takeUsage());
      } else if (e.isolate.inFlight === 0) {
        const cpu = e.isolate.cpuTime();
        if (cpu - e.isolate.idleCpuMark > budgetNs) this.drop(k, e, "idle_cpu");
        else e.isolate.idleCpuMark = cpu;
      }
    }
  }

  /** Drops what is cached for code no live isolate uses. */
  forget(sha256: string): void {
    this.descriptors.delete(sha256);
    this.codeCache.delete(sha256);
  }

  /** Code still referenced by a live isolate (the worker keeps that code cached). */
  liveCode(): Set<string> {
    return new Set([...this.entries.values()].map((e) => e.sha256));
  }

  disposeAll(): void {
    for (const [k, e] of this.entries) this.drop(k, e, "evicted");
  }
}
