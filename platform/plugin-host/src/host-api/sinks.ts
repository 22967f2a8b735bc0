import type { JobOptions, PluginDevice, StoredObject } from "@omnify/plugin-sdk";
import type { PluginLogEntry } from "./log.ts";
import type { PaymentsSink } from "./payments.ts";

type Origin = { tenantId: string; pluginId: string };

/**
 * Where capability-checked host calls go. The web app and worker wire these later (pg-boss,
 * pg_notify, the usage table); until a sink is given, its method answers 'not available'.
 * Every record carries the tenant of the invocation, never one the plugin supplied.
 */
export type HostSinks = {
  log: (entry: PluginLogEntry) => void;
  emitEvent: (e: Origin & { type: string; payload: unknown }) => Promise<void>;
  /** With `deviceId`: to that device's room, and only if the device belongs to the tenant. */
  publishRealtime: (
    m: Origin & { channel: string; payload: unknown; deviceId?: string },
  ) => Promise<void>;
  /** Pairs the screen showing `code` with the tenant; refusals name field "code". */
  claimDevice: (d: Origin & { code: string; name: string }) => Promise<{ deviceId: string }>;
  revokeDevice: (d: Origin & { deviceId: string }) => Promise<void>;
  listDevices: (d: Origin) => Promise<PluginDevice[]>;
  /** Storage: `key` is the plugin's own key; the sink namespaces it by tenant and plugin. */
  statObject: (o: Origin & { key: string }) => Promise<StoredObject | null>;
  objectUrl: (o: Origin & { key: string }) => Promise<string>;
  putObject: (
    o: Origin & { key: string; bytes: Buffer; contentType: string },
  ) => Promise<{ key: string; size: number; sha256: string }>;
  deleteObject: (o: Origin & { key: string }) => Promise<void>;
  recordMeter: (
    m: Origin & {
      name: string;
      quantity: number;
      idempotencyKey: string;
      /** What a `unique` meter counts distinct values of. */
      subject?: string;
      aggregation: string;
      unit?: string;
    },
  ) => Promise<void>;
  enqueueJob: (
    j: Origin & { jobId: string; payload: unknown; options: JobOptions },
  ) => Promise<{ id: string }>;
  /** `ctx.payments`: core's payments service, acting for the invocation's tenant and plugin. */
  payments?: PaymentsSink;
  /** The database slice: run one statement as the plugin's runtime role under the tenant. */
  query: (
    q: Origin & { version: string; sql: string; params: unknown[]; method: "all" | "execute" },
  ) => Promise<{
    rows: unknown[];
  }>;
};
