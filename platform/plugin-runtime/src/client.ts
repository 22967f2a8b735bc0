import { createHmac } from "node:crypto";
import { z } from "zod";

/**
 * The client of the plugin runtime's internal HTTP API, for the web app and the worker. It
 * imports nothing of the sandbox, so the web process never loads isolated-vm or esbuild.
 */
export type InvokeKind = "procedure" | "event" | "job";
/** `ctx.caller` as the plugin sees it; absent means the system (jobs, events). */
export type RuntimeCaller =
  | { kind: "member"; userId: string; role: string; canManage: boolean }
  | { kind: "device"; deviceId: string }
  | { kind: "system" };
export type RuntimeInvoke = {
  tenantId: string;
  pluginId: string;
  kind: InvokeKind;
  name: string;
  input?: unknown;
  caller?: RuntimeCaller;
};
export type RuntimeError = { code: string; message: string; pluginCode?: string };
export type RuntimeResult = { ok: true; value: unknown } | { ok: false; error: RuntimeError };

const resultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), pluginCode: z.string().optional() }),
  }),
]);

/** The bearer token for the internal API, derived from OMNIFY_SECRET (never stored). */
export function pluginRuntimeToken(omnifySecret: string): string {
  if (omnifySecret.length < 16) throw new Error("OMNIFY_SECRET must be at least 16 characters");
  return createHmac("sha256", omnifySecret)
    .update("omnify:plugin-runtime-token")
    .digest("base64url");
}

export type PluginRuntimeClient = {
  invoke(req: RuntimeInvoke): Promise<RuntimeResult>;
  /** Deletes the tenant's rows from the plugin's own tables (uninstall purge). */
  purge(tenantId: string, pluginId: string): Promise<RuntimeResult>;
  health(): Promise<{ ok: boolean; hostApi: string }>;
  stats(): Promise<unknown>;
};

/** A transport failure (runtime down, timeout): the call may be retried, unlike plugin errors. */
export class PluginRuntimeUnavailableError extends Error {
  override name = "PluginRuntimeUnavailableError";
}

export function createPluginRuntimeClient(opts: {
  url: string;
  token: string;
  timeoutMs?: number;
}): PluginRuntimeClient {
  const base = opts.url.replace(/\/$/, "");
  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${opts.token}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new PluginRuntimeUnavailableError(`plugin runtime unreachable: ${String(error)}`);
    }
    const text = await res.text();
    if (res.status === 401 || (res.status >= 500 && !text.startsWith("{")))
      throw new PluginRuntimeUnavailableError(`plugin runtime answered ${res.status}`);
    return JSON.parse(text);
  }
  return {
    invoke: async (req) => resultSchema.parse(await call("POST", "/invoke", req)),
    purge: async (tenantId, pluginId) =>
      resultSchema.parse(await call("POST", "/purge", { tenantId, pluginId })),
    health: async () =>
      z.object({ ok: z.boolean(), hostApi: z.string() }).parse(await call("GET", "/healthz")),
    stats: () => call("GET", "/stats"),
  };
}
export { type PluginJobData, pluginQueueName } from "./queues";
