/**
 * The one door between plugin code and the host: `host.call(method, argsJson)` resolves to a
 * JSON string holding a {@link BridgeReply}. Only strings cross; the host validates every
 * argument again, so nothing here is trusted by the host side.
 */
import type { PluginDevice, StoredObject } from "./context.ts";
import type { HTTP_METHODS } from "./manifest/schema.ts";
import type { PaymentBridgeMethods } from "./payments.ts";

export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Secret injection: the host adds `header: scheme value`; the sandbox only names the secret. */
export type FetchAuth = { secret: string; header?: string; scheme?: string };

export type BridgeFetchArgs = {
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  auth?: FetchAuth;
  timeoutMs?: number;
  redirect?: "follow" | "manual";
  responseEncoding?: "utf8" | "base64";
};

export type BridgeFetchResult = {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  url: string;
  redirected: boolean;
  body: string;
  bodyEncoding: "utf8" | "base64";
};

export type JobOptions = { delaySeconds?: number; singletonKey?: string; retryLimit?: number };

/** Every bridge method with its argument and result shapes. */
export type BridgeMethods = PaymentBridgeMethods & {
  log: {
    args: { level: "info" | "warn" | "error"; message: string; data?: unknown };
    result: null;
  };
  fetch: { args: BridgeFetchArgs; result: BridgeFetchResult };
  "events.emit": { args: { type: string; payload: unknown }; result: null };
  "realtime.publish": {
    args: { channel: string; payload: unknown; deviceId?: string };
    result: null;
  };
  "devices.claim": { args: { code: string; name: string }; result: { deviceId: string } };
  "devices.revoke": { args: { deviceId: string }; result: null };
  "devices.list": { args: Record<string, never>; result: PluginDevice[] };
  "storage.stat": { args: { key: string }; result: StoredObject | null };
  "storage.url": { args: { key: string }; result: { url: string } };
  "storage.put": {
    args: { key: string; base64: string; contentType: string };
    result: { key: string; size: number; sha256: string };
  };
  "storage.delete": { args: { key: string }; result: null };
  meter: {
    args: { name: string; quantity: number; idempotencyKey: string; subject?: string };
    result: null;
  };
  "jobs.enqueue": {
    args: { jobId: string; payload: unknown; options?: JobOptions };
    result: { id: string };
  };
  "db.query": {
    args: { sql: string; params: unknown[]; method: "all" | "execute" };
    result: { rows: unknown[] };
  };
};
export type BridgeMethod = keyof BridgeMethods;

export type BridgeReply<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { code: string; message: string } };

/** The shape of the single global the host installs in every isolate. */
export type HostBridge = { call(method: string, argsJson: string): Promise<string> };
