import { HostApiError, type PluginDescriptor } from "@omnify/plugin-sdk";
import type { FromWorker } from "../sandbox/protocol.ts";
import type { ResolvedOptions } from "./options.ts";

type HostCall = Extract<FromWorker, { t: "host-call" }>;
const reply = (value: unknown) =>
  JSON.stringify({ ok: true, value: value === undefined ? null : value });
const refuse = (code: string, message: string) =>
  JSON.stringify({ ok: false, error: { code, message } });

/**
 * Answers one bridge call from a worker. The caller identity (tenant, plugin, version) was
 * attached by the worker from the isolate's key; the manifest is the one pinned for this code.
 */
export async function answerHostCall(
  msg: HostCall,
  manifest: PluginDescriptor | undefined,
  options: ResolvedOptions,
): Promise<string> {
  if (!manifest) return refuse("not_available", "plugin manifest not loaded");
  let args: unknown;
  try {
    args = JSON.parse(msg.argsJson);
  } catch {
    return refuse("bad_request", "host call arguments are not JSON");
  }
  const ctx = { ...msg.key, manifest };
  try {
    const json = reply(await options.hostApi(ctx, msg.method, args));
    if (Buffer.byteLength(json) > options.maxHostCallBytes) {
      return refuse("too_large", `host reply exceeds ${options.maxHostCallBytes} bytes`);
    }
    return json;
  } catch (e) {
    if (e instanceof HostApiError) return refuse(e.code, e.message);
    options.onHostApiError?.(e, ctx, msg.method);
    return refuse("host_error", `host API '${msg.method.slice(0, 64)}' failed`);
  }
}
