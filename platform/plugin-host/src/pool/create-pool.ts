import { createHash } from "node:crypto";
import type { PluginDescriptor } from "@omnify/plugin-sdk";
import { z } from "zod";
import { PluginHostClosedError, PluginHostError } from "../errors.ts";
import type { FromWorker, WorkerConfig, WorkerStats } from "../sandbox/protocol.ts";
import { HOST_API_VERSION } from "../version.ts";
import { answerHostCall } from "./host-calls.ts";
import { type PluginHostPoolOptions, resolveOptions } from "./options.ts";
import { type PluginUsage, UsageLedger } from "./usage.ts";
import { WorkerProcess } from "./worker-process.ts";

export type PluginBundle = { code: string; sha256: string };
const bundleSchema = z.object({
  code: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
const targetSchema = z.object({
  tenantId: z.string().min(1).max(200),
  pluginId: z.string().min(1).max(64),
  version: z.string().min(1).max(64),
  bundle: bundleSchema,
});
/** Who the plugin sees in `ctx.caller`; the host's callers set it from authenticated facts. */
const callerSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("member"),
    userId: z.string().min(1).max(200),
    role: z.string().min(1).max(200),
    canManage: z.boolean(),
  }),
  z.strictObject({ kind: z.literal("device"), deviceId: z.string().min(1).max(200) }),
  z.strictObject({ kind: z.literal("system") }),
]);
const invokeSchema = targetSchema.extend({
  kind: z.enum(["procedure", "event", "job"]),
  name: z.string().min(1).max(200),
  input: z.unknown().optional(),
  settings: z.record(z.string(), z.unknown()).default({}),
  caller: callerSchema.default({ kind: "system" }),
});
export type InvokeRequest = z.input<typeof invokeSchema>;
export type PrewarmRequest = z.input<typeof targetSchema>;

export type PoolStats = {
  processes: {
    index: number;
    pid: number | undefined;
    restarts: number;
    inFlight: number;
    isolates?: number;
    spares?: number;
    rssMb?: number;
  }[];
  usage: PluginUsage[];
};

export type PluginHostPool = {
  invoke<T = unknown>(req: InvokeRequest): Promise<T>;
  prewarm(req: PrewarmRequest): Promise<void>;
  /** Loads a bundle in a throwaway isolate and returns its validated manifest. */
  inspect(bundle: PluginBundle): Promise<PluginDescriptor>;
  stats(): Promise<PoolStats>;
  close(): Promise<void>;
  /** Operations and test hook: the process serving (tenant, plugin). */
  processFor(
    tenantId: string,
    pluginId: string,
  ): { index: number; pid: number | undefined; kill(): void };
};

// sha256 -> the code already hashed to it. Keyed by content, not by object: every invoke
// parses its request into fresh objects, and re-hashing a ~600 kB bundle per call cost ~1 ms.
// Comparing the code string is at worst a memcmp, and usually the same string instance.
const verified = new Map<string, string>();
const MAX_VERIFIED = 32;
function checkBundle(b: PluginBundle): void {
  if (verified.get(b.sha256) === b.code) return;
  const actual = createHash("sha256").update(b.code).digest("hex");
  if (actual !== b.sha256) throw new PluginHostError("bundle sha256 does not match its code");
  if (verified.size >= MAX_VERIFIED) verified.delete(verified.keys().next().value as string);
  verified.set(b.sha256, b.code);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Starts the worker processes. Close the pool when done, or the processes keep running. */
export function createPluginHostPool(options: PluginHostPoolOptions): PluginHostPool {
  const o = resolveOptions(options);
  const major = Number(
    /^v(\d+)/.exec(process.versions.node ? `v${process.versions.node}` : "")?.[1],
  );
  if (o.nodePath === process.execPath && major < 24) {
    throw new PluginHostError(
      `isolated-vm 7 needs Node >= 24 (this is ${process.version}); pass nodePath`,
    );
  }
  const config: WorkerConfig = {
    maxIsolates: o.maxIsolatesPerProcess,
    maxSpares: o.spareIsolatesPerProcess,
    defaultMemoryMb: o.memoryMb,
    maxMemoryMb: o.maxMemoryMb,
    loadTimeoutMs: o.loadTimeoutMs,
    maxResultBytes: o.maxResultBytes,
    maxHostCallBytes: o.maxHostCallBytes,
    maxConcurrentHostCalls: o.maxConcurrentHostCalls,
    maxRssMb: o.processMaxRssMb,
    idleCpuBudgetMs: o.idleCpuBudgetMs,
    hostApiVersion: HOST_API_VERSION,
  };
  const ledger = new UsageLedger();
  // The manifest for a given code, pinned when a worker first validated it.
  const manifests = new Map<string, PluginDescriptor>();
  const statsWaiters = new Map<number, (s: WorkerStats) => void>();
  let nextId = 1;
  let closed = false;

  const onMessage = (w: WorkerProcess, msg: FromWorker) => {
    if (msg.t === "manifest") {
      if (!manifests.has(msg.sha256)) manifests.set(msg.sha256, msg.descriptor as PluginDescriptor);
    } else if (msg.t === "usage") ledger.charge(msg.key, msg.usage);
    else if (msg.t === "stats") statsWaiters.get(msg.id)?.(msg.stats);
    else if (msg.t === "host-call") {
      answerHostCall(msg, manifests.get(msg.sha256), o).then((replyJson) =>
        w.send({ t: "host-result", callId: msg.callId, replyJson }),
      );
    }
  };
  const workers = Array.from(
    { length: o.processes },
    (_, i) =>
      new WorkerProcess(
        i,
        { nodePath: o.nodePath, heapMb: o.processHeapMb, config },
        { onMessage },
      ),
  );
  const route = (tenantId: string, pluginId: string) =>
    workers[hash(`${tenantId}\u0000${pluginId}`) % workers.length] as WorkerProcess;
  const ensureOpen = () => {
    if (closed) throw new PluginHostClosedError("the plugin host pool is closed");
  };
  const loadBackstop = 2 * o.loadTimeoutMs + 2000;

  return {
    async invoke<T>(req: InvokeRequest): Promise<T> {
      ensureOpen();
      const r = invokeSchema.parse(req);
      checkBundle(r.bundle);
      const inputJson = JSON.stringify(r.input ?? null);
      if (Buffer.byteLength(inputJson) > o.maxInputBytes)
        throw new PluginHostError(`input exceeds ${o.maxInputBytes} bytes`);
      const key = { tenantId: r.tenantId, pluginId: r.pluginId, version: r.version };
      const { cpuTimeoutMs, deadlineMs } = o;
      const msg = {
        t: "invoke" as const,
        id: nextId++,
        key,
        sha256: r.bundle.sha256,
        code: r.bundle.code,
        kind: r.kind,
        name: r.name,
        inputJson,
        settingsJson: JSON.stringify(r.settings),
        callerJson: JSON.stringify(r.caller),
        limits: { cpuTimeoutMs, deadlineMs },
      };
      try {
        const valueJson = await route(r.tenantId, r.pluginId).request(
          msg,
          deadlineMs + loadBackstop,
        );
        ledger.count(key, true);
        return JSON.parse(valueJson) as T;
      } catch (e) {
        ledger.count(key, false);
        throw e;
      }
    },
    async prewarm(req) {
      ensureOpen();
      const r = targetSchema.parse(req);
      checkBundle(r.bundle);
      const key = { tenantId: r.tenantId, pluginId: r.pluginId, version: r.version };
      const msg = {
        t: "prewarm" as const,
        id: nextId++,
        key,
        sha256: r.bundle.sha256,
        code: r.bundle.code,
      };
      await route(r.tenantId, r.pluginId).request(msg, loadBackstop);
    },
    async inspect(bundle) {
      ensureOpen();
      checkBundle(bundleSchema.parse(bundle));
      const msg = { t: "inspect" as const, id: nextId++, sha256: bundle.sha256, code: bundle.code };
      return JSON.parse(
        await route("", bundle.sha256).request(msg, loadBackstop),
      ) as PluginDescriptor;
    },
    async stats() {
      const processes = await Promise.all(
        workers.map(async (w) => {
          const id = nextId++;
          const s = await new Promise<WorkerStats | undefined>((resolve) => {
            const t = setTimeout(() => resolve(undefined), 1000);
            statsWaiters.set(id, (v) => {
              clearTimeout(t);
              resolve(v);
            });
            w.send({ t: "stats", id });
          });
          statsWaiters.delete(id);
          return { index: w.index, pid: w.pid, restarts: w.restarts, inFlight: w.inFlight, ...s };
        }),
      );
      return { processes, usage: ledger.snapshot() };
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.close()));
    },
    processFor(tenantId, pluginId) {
      const w = route(tenantId, pluginId);
      return { index: w.index, pid: w.pid, kill: () => w.kill() };
    },
  };
}
