/**
 * IPC between the pool (parent) and a sandbox worker process. JSON only. The tenant in every
 * message comes from the invocation the parent sent, never from anything a plugin said.
 */
import type { SerializedError } from "../errors.ts";

export type IsolateKey = { tenantId: string; pluginId: string; version: string };
export type Limits = { memoryMb: number; cpuTimeoutMs: number; deadlineMs: number };
export type Usage = { cpuNs: number; wallNs: number };

export type WorkerConfig = {
  maxIsolates: number;
  /** Bundles per process that keep one pre-loaded isolate for the next new tenant; 0: none. */
  maxSpares: number;
  defaultMemoryMb: number;
  maxMemoryMb: number;
  loadTimeoutMs: number;
  maxResultBytes: number;
  maxHostCallBytes: number;
  maxConcurrentHostCalls: number;
  maxRssMb: number;
  idleCpuBudgetMs: number;
  hostApiVersion: string;
};

export type ToWorker =
  | {
      t: "invoke";
      id: number;
      key: IsolateKey;
      sha256: string;
      code?: string;
      kind: string;
      name: string;
      inputJson: string;
      settingsJson: string;
      /** `ctx.caller`, set by whoever asked the pool (never by the plugin). */
      callerJson: string;
      limits: Omit<Limits, "memoryMb">;
    }
  | { t: "prewarm"; id: number; key: IsolateKey; sha256: string; code?: string }
  | { t: "inspect"; id: number; sha256: string; code?: string }
  | { t: "host-result"; callId: number; replyJson: string }
  | { t: "stats"; id: number };

export type WorkerStats = { isolates: number; spares: number; rssMb: number };

export type FromWorker =
  | { t: "ready" }
  | { t: "exiting"; reason: "over_memory" }
  | { t: "manifest"; sha256: string; descriptor: unknown }
  | {
      t: "host-call";
      callId: number;
      key: IsolateKey;
      sha256: string;
      method: string;
      argsJson: string;
    }
  | { t: "done"; id: number; ok: true; valueJson: string }
  | { t: "done"; id: number; ok: false; error: SerializedError }
  | { t: "usage"; key: IsolateKey; usage: Usage }
  | { t: "stats"; id: number; stats: WorkerStats }
  | { t: "missing-code"; id: number; sha256: string };
