import type { JobOptions } from "@omnify/plugin-sdk";
import type { PluginLogEntry } from "./log.ts";

type Origin = { tenantId: string; pluginId: string };

/**
 * Where capability-checked host calls go. The web app and worker wire these later (pg-boss,
 * pg_notify, the usage table); until a sink is given, its method answers 'not available'.
 * Every record carries the tenant of the invocation, never one the plugin supplied.
 */
export type HostSinks = {
  log: (entry: PluginLogEntry) => void;
  emitEvent: (e: Origin & { type: string; payload: unknown }) => Promise<void>;
  publishRealtime: (m: Origin & { channel: string; payload: unknown }) => Promise<void>;
  recordMeter: (
    m: Origin & {
      name: string;
      quantity: number;
      idempotencyKey: string;
      aggregation: string;
      unit?: string;
    },
  ) => Promise<void>;
  enqueueJob: (
    j: Origin & { jobId: string; payload: unknown; options: JobOptions },
  ) => Promise<{ id: string }>;
  /** The database slice: run one statement as the plugin's runtime role under the tenant. */
  query: (
    q: Origin & { version: string; sql: string; params: unknown[]; method: "all" | "execute" },
  ) => Promise<{
    rows: unknown[];
  }>;
};
