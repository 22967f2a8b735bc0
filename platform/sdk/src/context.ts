import type { BridgeFetchResult, FetchAuth, HttpMethod, JobOptions } from "./bridge.ts";

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

/** The host API inside the sandbox. Every member is one `host.call` underneath. */
export type PluginContext<Settings = Record<string, unknown>> = {
  /** The tenant of this invocation; set by the host, never by plugin arguments. */
  readonly tenant: { readonly id: string };
  readonly plugin: { readonly id: string; readonly version: string };
  readonly settings: Settings;
  readonly log: PluginLogger;
  fetch(url: string, init?: PluginFetchInit): Promise<PluginResponse>;
  readonly events: { emit(type: string, payload?: unknown): Promise<void> };
  readonly realtime: { publish(channel: string, payload?: unknown): Promise<void> };
  meter(name: string, quantity: number, idempotencyKey: string): Promise<void>;
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
