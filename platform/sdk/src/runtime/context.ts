import type { BridgeMethod, BridgeMethods, BridgeReply, HostBridge } from "../bridge.ts";
import type {
  PluginCaller,
  PluginContext,
  PluginFetchInit,
  PluginResponse,
  RealtimePublishOptions,
} from "../context.ts";
import { HostApiError } from "./host-api-error.ts";
import { createPayments } from "./payments.ts";

export type Invocation = {
  tenantId: string;
  pluginId: string;
  version: string;
  /** Absent from hosts older than host API 1.1: treated as the system. */
  caller?: PluginCaller;
};

function freezeCaller(c: PluginCaller | undefined): PluginCaller {
  if (c?.kind === "member")
    return Object.freeze({
      kind: "member",
      userId: c.userId,
      role: c.role,
      canManage: c.canManage === true,
    });
  if (c?.kind === "device") return Object.freeze({ kind: "device", deviceId: c.deviceId });
  return Object.freeze({ kind: "system" });
}

export type BridgeCall = <M extends BridgeMethod>(
  method: M,
  args: BridgeMethods[M]["args"],
) => Promise<BridgeMethods[M]["result"]>;

/** Wraps the raw string bridge in typed, JSON-only calls. */
export function createBridgeCall(host: HostBridge): BridgeCall {
  return async (method, args) => {
    const reply = JSON.parse(await host.call(method, JSON.stringify(args))) as BridgeReply;
    if (!reply.ok) throw new HostApiError(reply.error.code, reply.error.message);
    return reply.value as never;
  };
}

function toResponse(r: BridgeMethods["fetch"]["result"]): PluginResponse {
  return {
    ...r,
    ok: r.status >= 200 && r.status < 300,
    text: async () => r.body,
    json: async <T>() => JSON.parse(r.body) as T,
  };
}

function fetchArgs(url: string, init: PluginFetchInit = {}): BridgeMethods["fetch"]["args"] {
  const headers: Record<string, string> = { ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers["content-type"] ??= "application/json";
  }
  const args: BridgeMethods["fetch"]["args"] = {
    url: String(url),
    method: init.method ?? "GET",
    headers,
  };
  if (body !== undefined) args.body = body;
  if (init.auth) args.auth = init.auth;
  if (init.timeoutMs !== undefined) args.timeoutMs = init.timeoutMs;
  if (init.redirect) args.redirect = init.redirect;
  if (init.responseEncoding) args.responseEncoding = init.responseEncoding;
  return args;
}

/** Builds `ctx` for one invocation. Logging is fire-and-forget so handlers never await it. */
export function createPluginContext<S>(
  call: BridgeCall,
  inv: Invocation,
  settings: S,
): PluginContext<S> {
  const log = (level: "info" | "warn" | "error") => (message: string, data?: unknown) => {
    call("log", { level, message: String(message), data }).catch(() => {});
  };
  const query = async (sql: string, params: unknown[] = [], method: "all" | "execute" = "all") =>
    call("db.query", { sql, params, method });
  return Object.freeze({
    tenant: Object.freeze({ id: inv.tenantId }),
    plugin: Object.freeze({ id: inv.pluginId, version: inv.version }),
    settings,
    caller: freezeCaller(inv.caller),
    log: Object.freeze({ info: log("info"), warn: log("warn"), error: log("error") }),
    fetch: async (url: string, init?: PluginFetchInit) =>
      toResponse(await call("fetch", fetchArgs(url, init))),
    events: Object.freeze({
      emit: async (type: string, payload?: unknown) => {
        await call("events.emit", { type, payload: payload ?? null });
      },
    }),
    realtime: Object.freeze({
      publish: async (channel: string, payload?: unknown, options?: RealtimePublishOptions) => {
        await call("realtime.publish", {
          channel,
          payload: payload ?? null,
          ...(options?.deviceId !== undefined ? { deviceId: String(options.deviceId) } : {}),
        });
      },
    }),
    devices: Object.freeze({
      claim: (input: { code: string; name: string }) =>
        call("devices.claim", { code: String(input?.code), name: String(input?.name) }),
      revoke: async (deviceId: string) => {
        await call("devices.revoke", { deviceId: String(deviceId) });
      },
      list: () => call("devices.list", {}),
    }),
    storage: Object.freeze({
      stat: (key: string) => call("storage.stat", { key: String(key) }),
      url: async (key: string) => (await call("storage.url", { key: String(key) })).url,
      put: (key: string, object: { base64: string; contentType: string }) =>
        call("storage.put", {
          key: String(key),
          base64: String(object?.base64),
          contentType: String(object?.contentType),
        }),
      delete: async (key: string) => {
        await call("storage.delete", { key: String(key) });
      },
    }),
    payments: createPayments(call),
    meter: async (
      name: string,
      quantity: number,
      idempotencyKey: string,
      options?: { subject?: string },
    ) => {
      await call(
        "meter",
        options?.subject === undefined
          ? { name, quantity, idempotencyKey }
          : { name, quantity, idempotencyKey, subject: options.subject },
      );
    },
    jobs: Object.freeze({
      enqueue: (jobId: string, payload?: unknown, options?: object) =>
        call("jobs.enqueue", { jobId, payload: payload ?? null, ...(options ? { options } : {}) }),
    }),
    db: Object.freeze({
      // `execute` returns rows as objects keyed by column; `all` (drizzle's pg-proxy default)
      // returns positional arrays, which is what `proxy` hands drizzle.
      query: async <Row>(sql: string, params?: unknown[]) =>
        (await query(sql, params, "execute")).rows as Row[],
      proxy: query,
    }),
  });
}
