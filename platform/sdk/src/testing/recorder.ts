import type { HostSinks, PluginLogEntry } from "@omnify/plugin-host";
import type { JobOptions } from "../bridge.ts";
import type { TenantMap } from "./tenants.ts";

export type RecordedEvent = { tenantId: string; type: string; payload: unknown };
export type RecordedRealtime = {
  tenantId: string;
  channel: string;
  payload: unknown;
  /** Set when published to one device (`{ deviceId }`). */
  deviceId?: string;
};
export type RecordedMeter = {
  tenantId: string;
  name: string;
  quantity: number;
  idempotencyKey: string;
  aggregation: string;
  unit?: string;
};
export type RecordedJob = {
  id: string;
  tenantId: string;
  jobId: string;
  payload: unknown;
  options: JobOptions;
};
export type RecordedLog = Pick<PluginLogEntry, "level" | "message" | "data"> & {
  tenantId: string;
};
export type RecordedFetch = {
  tenantId: string;
  method: string;
  url: string;
  status?: number;
  /** The name of the secret the host injected, never its value. */
  secret?: string;
  error?: string;
};

export type RecordedPayment = {
  tenantId: string;
  /** The ctx.payments member, e.g. "createCheckout". */
  method: string;
  args: unknown;
  result: unknown;
};

/** Everything the plugin asked the host to do, in order, with the tests' tenant labels. */
export type Recorded = {
  events: RecordedEvent[];
  realtime: RecordedRealtime[];
  /** Accepted meter records: like the usage table, a repeated (tenant, idempotencyKey) counts once. */
  meters: RecordedMeter[];
  /** Meter calls dropped because their idempotency key was already recorded. */
  duplicateMeters: RecordedMeter[];
  jobs: RecordedJob[];
  logs: RecordedLog[];
  fetches: RecordedFetch[];
  /** `ctx.payments` calls that succeeded, with what the (fake) provider answered. */
  payments: RecordedPayment[];
};

export type RecordKind = keyof Recorded;
export type OnRecord = (kind: RecordKind, entry: unknown) => void;

export function emptyRecorded(): Recorded {
  return {
    events: [],
    realtime: [],
    meters: [],
    duplicateMeters: [],
    jobs: [],
    logs: [],
    fetches: [],
    payments: [],
  };
}

/**
 * In-memory sinks for every host API except the database. They behave like production's
 * where a test could tell the difference (meter idempotency, job ids) and otherwise only
 * record, so tests assert on what the plugin did rather than on side effects.
 */
export function createRecorder(tenants: TenantMap, onRecord?: OnRecord) {
  const recorded = emptyRecorded();
  const meterKeys = new Set<string>();
  let jobSeq = 0;
  const push = <K extends RecordKind>(kind: K, entry: Recorded[K][number]) => {
    (recorded[kind] as unknown[]).push(entry);
    onRecord?.(kind, entry);
  };
  const sinks: Pick<
    HostSinks,
    "log" | "emitEvent" | "publishRealtime" | "recordMeter" | "enqueueJob"
  > = {
    log: (e) => {
      const entry: RecordedLog = {
        tenantId: tenants.label(e.tenantId),
        level: e.level,
        message: e.message,
      };
      if (e.data !== undefined) entry.data = e.data;
      push("logs", entry);
    },
    emitEvent: async (e) =>
      push("events", { tenantId: tenants.label(e.tenantId), type: e.type, payload: e.payload }),
    publishRealtime: async (m) =>
      push("realtime", {
        tenantId: tenants.label(m.tenantId),
        channel: m.channel,
        payload: m.payload,
        ...(m.deviceId ? { deviceId: m.deviceId } : {}),
      }),
    recordMeter: async ({ pluginId: _, ...m }) => {
      const entry = { ...m, tenantId: tenants.label(m.tenantId) };
      const key = `${m.tenantId}\u0000${m.idempotencyKey}`;
      if (meterKeys.has(key)) return push("duplicateMeters", entry);
      meterKeys.add(key);
      push("meters", entry);
    },
    enqueueJob: async (j) => {
      const id = `job-${++jobSeq}`;
      push("jobs", {
        id,
        tenantId: tenants.label(j.tenantId),
        jobId: j.jobId,
        payload: j.payload,
        options: j.options,
      });
      return { id };
    },
  };
  const clear = () => {
    for (const list of Object.values(recorded)) list.length = 0;
  };
  return { recorded, sinks, clear, push };
}
