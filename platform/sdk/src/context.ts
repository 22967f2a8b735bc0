import type { BridgeFetchResult, FetchAuth, HttpMethod, JobOptions } from "./bridge.ts";
import type { PluginPayments } from "./payments.ts";

export type PluginFetchInit = {
  method?: HttpMethod;
  headers?: Record<string, string>;
  /** A string body, sent as is. */
  body?: string;
  /** Serialised with JSON.stringify; sets content-type to application/json. */
  json?: unknown;
  /** A named secret (declared in `capabilities.secrets`) the host injects as a header. */
  auth?: FetchAuth;
  timeoutMs?: number;
  redirect?: "follow" | "manual";
  responseEncoding?: "utf8" | "base64";
};

export type PluginResponse = Omit<BridgeFetchResult, "body"> & {
  ok: boolean;
  /** The raw body: text, or base64 when `responseEncoding: 'base64'` was asked for. */
  body: string;
  text(): Promise<string>;
  json<T = unknown>(): Promise<T>;
};

export type PluginLogger = {
  info(message: string, data?: unknown): void;
  warn(message: string, data?: unknown): void;
  error(message: string, data?: unknown): void;
};

/** A pg-proxy style query function (drizzle-orm/pg-proxy's callback has this shape). */
export type PgProxyQuery = (
  sql: string,
  params: unknown[],
  method: "all" | "execute",
) => Promise<{ rows: unknown[] }>;

/** Who is calling. Set by the host from the authenticated request, never by plugin input. */
export type PluginCaller =
  /** A signed-in member. `canManage`: may configure plugins (admin/owner, or a role with plugins:write). */
  | { kind: "member"; userId: string; role: string; canManage: boolean }
  /** A paired screen calling a procedure listed in `capabilities.devices.procedures`. */
  | { kind: "device"; deviceId: string }
  /** Jobs, schedules and events. */
  | { kind: "system" };

/** One screen of the tenant (`ctx.devices.list()`); times are ISO strings. */
export type PluginDevice = {
  id: string;
  name: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  appVersion: string | null;
};

/** What the host probed when the object was stored (`ctx.storage.stat`). */
export type StoredObject = {
  key: string;
  size: number;
  contentType: string;
  sha256: string;
  width?: number;
  height?: number;
  durationMs?: number;
};

export type RealtimePublishOptions = {
  /** Send to this device's room (`device:<id>`) instead of the tenant's members. */
  deviceId?: string;
};

/** The host API inside the sandbox. Every member is one `host.call` underneath. */
export type PluginContext<Settings = Record<string, unknown>> = {
  /** The tenant of this invocation; set by the host, never by plugin arguments. */
  readonly tenant: { readonly id: string };
  readonly plugin: { readonly id: string; readonly version: string };
  readonly settings: Settings;
  readonly caller: PluginCaller;
  readonly log: PluginLogger;
  fetch(url: string, init?: PluginFetchInit): Promise<PluginResponse>;
  readonly events: { emit(type: string, payload?: unknown): Promise<void> };
  readonly realtime: {
    publish(channel: string, payload?: unknown, options?: RealtimePublishOptions): Promise<void>;
  };
  /** Screens of this tenant (`capabilities.devices`). */
  readonly devices: {
    /** Pairs the screen showing `code`; a bad code fails with a message naming field "code". */
    claim(input: { code: string; name: string }): Promise<{ deviceId: string }>;
    revoke(deviceId: string): Promise<void>;
    list(): Promise<PluginDevice[]>;
  };
  /** This plugin's objects in this tenant (`capabilities.storage`). Keys: `a-z A-Z 0-9 . _ -`, `/` between parts. */
  readonly storage: {
    stat(key: string): Promise<StoredObject | null>;
    /** A stable, HMAC-signed path: `/api/plugin-files/<tenantId>/<pluginId>/<key>?sig=…`. */
    url(key: string): Promise<string>;
    /** Small generated objects only; uploads go through `POST /api/plugins/<id>/uploads`. */
    put(
      key: string,
      object: { base64: string; contentType: string },
    ): Promise<{ key: string; size: number; sha256: string }>;
    delete(key: string): Promise<void>;
  };
  /** Marketplace money through the host's Stripe Connect / Paystack (`capabilities.payments`). */
  readonly payments: PluginPayments;
  /**
   * Records usage of a declared meter; a repeated key counts once. A `unique` meter counts
   * distinct `subject`s (e.g. a visitor id); without one it counts distinct keys.
   */
  meter(
    name: string,
    quantity: number,
    idempotencyKey: string,
    options?: { subject?: string },
  ): Promise<void>;
  readonly jobs: {
    enqueue(jobId: string, payload?: unknown, options?: JobOptions): Promise<{ id: string }>;
  };
  /** Placeholder until the database slice: the host answers 'not available' without a db. */
  readonly db: {
    query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
    /** Pass to drizzle-orm/pg-proxy's `drizzle(callback)`. */
    proxy: PgProxyQuery;
  };
};
