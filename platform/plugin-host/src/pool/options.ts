import type { PluginDescriptor } from "@omnify/plugin-sdk";

/** What the host-side handler learns about a bridge call: who is calling, from the invocation. */
export type HostCallContext = {
  tenantId: string;
  pluginId: string;
  version: string;
  /** The manifest the bundle declared, as the host validated it when it first loaded. */
  manifest: PluginDescriptor;
};

/**
 * Performs one bridge call. Throw a `HostApiError` (from @omnify/plugin-sdk) to refuse with a
 * message the plugin may see; any other error reaches the plugin as a generic 'host_error'.
 */
export type HostApiHandler = (
  ctx: HostCallContext,
  method: string,
  args: unknown,
) => Promise<unknown>;

export type PluginHostPoolOptions = {
  hostApi: HostApiHandler;
  /** Worker processes; a (tenant, plugin) pair always lands on the same one. Default 2. */
  processes?: number;
  /** Isolates kept per process before the least recently used is disposed. Default 100. */
  maxIsolatesPerProcess?: number;
  /**
   * Bundles per process for which one isolate is loaded ahead of the next new tenant (the
   * cold start then costs a claim instead of a ~15 ms bundle evaluation). Each costs one
   * isolate's memory (~7 MB). Default 4; 0 turns it off.
   */
  spareIsolatesPerProcess?: number;
  /** Per-isolate memoryLimit when the manifest asks for none. Default 64 MB. */
  memoryMb?: number;
  /** Ceiling for what a manifest may ask for. Default 256 MB. */
  maxMemoryMb?: number;
  /** Synchronous CPU time per call (isolated-vm `timeout`). Default 1000 ms. */
  cpuTimeoutMs?: number;
  /** Wall-clock deadline for a whole call, awaits included. Default 10 000 ms. */
  deadlineMs?: number;
  /** Time to evaluate a bundle into a fresh isolate. Default 2000 ms. */
  loadTimeoutMs?: number;
  maxResultBytes?: number;
  maxInputBytes?: number;
  maxHostCallBytes?: number;
  /** Host calls one isolate may have in flight at once. Default 32. */
  maxConcurrentHostCalls?: number;
  /** --max-old-space-size of each worker (its own JS heap). Default 256 MB. */
  processHeapMb?: number;
  /** RSS at which a worker ends itself and is replaced (isolate heaps included). Default 1536 MB. */
  processMaxRssMb?: number;
  /** CPU an isolate may burn while no call is running before it is disposed. Default 100 ms. */
  idleCpuBudgetMs?: number;
  /** A Node >= 24 binary for the workers. Default: process.execPath. */
  nodePath?: string;
  /** Unexpected failures of `hostApi` (the plugin only sees 'host_error'). */
  onHostApiError?: (error: unknown, ctx: HostCallContext, method: string) => void;
};

export const DEFAULTS = {
  processes: 2,
  maxIsolatesPerProcess: 100,
  spareIsolatesPerProcess: 4,
  memoryMb: 64,
  maxMemoryMb: 256,
  cpuTimeoutMs: 1000,
  deadlineMs: 10_000,
  loadTimeoutMs: 2000,
  maxResultBytes: 1_000_000,
  maxInputBytes: 1_000_000,
  maxHostCallBytes: 1_000_000,
  maxConcurrentHostCalls: 32,
  processHeapMb: 256,
  processMaxRssMb: 1536,
  idleCpuBudgetMs: 100,
} as const;

export type ResolvedOptions = typeof DEFAULTS & PluginHostPoolOptions & { nodePath: string };

export function resolveOptions(o: PluginHostPoolOptions): ResolvedOptions {
  const defined = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  const resolved = { ...DEFAULTS, nodePath: process.execPath, ...defined } as ResolvedOptions;
  if (resolved.cpuTimeoutMs >= resolved.deadlineMs)
    throw new Error("cpuTimeoutMs must be below deadlineMs");
  return resolved;
}
