/**
 * Errors a caller of the pool can get back. Each has a stable `code` so they survive the trip
 * from the worker process (plain JSON over IPC) and can be rebuilt on the other side.
 */
export class PluginHostError extends Error {
  override name = "PluginHostError";
  readonly code: string = "host_error";
}
/** The call ran past its CPU timeout or its wall-clock deadline; the isolate was disposed. */
export class PluginTimeoutError extends PluginHostError {
  override name = "PluginTimeoutError";
  override readonly code = "timeout";
}
/** The isolate hit its memoryLimit and was disposed. */
export class PluginMemoryLimitError extends PluginHostError {
  override name = "PluginMemoryLimitError";
  override readonly code = "memory_limit";
}
/** The worker process running the call died (OOM past the process cap, native crash, kill). */
export class PluginCrashedError extends PluginHostError {
  override name = "PluginCrashedError";
  override readonly code = "crashed";
}
/** The result was larger than the host's cap, or not JSON. */
export class PluginResultTooLargeError extends PluginHostError {
  override name = "PluginResultTooLargeError";
  override readonly code = "result_too_large";
}
/** The plugin's own code threw (or rejected its input); `pluginCode` is the plugin's code. */
export class PluginInvocationError extends PluginHostError {
  override name = "PluginInvocationError";
  override readonly code = "plugin_error";
  readonly pluginCode: string;
  constructor(message: string, pluginCode = "plugin_error") {
    super(message);
    this.pluginCode = pluginCode;
  }
}
/** The bundle failed to load: bad manifest, incompatible hostApi, id/version mismatch, throw at load. */
export class PluginLoadError extends PluginHostError {
  override name = "PluginLoadError";
  override readonly code = "load_failed";
}
/** The pool was closed while the call was pending. */
export class PluginHostClosedError extends PluginHostError {
  override name = "PluginHostClosedError";
  override readonly code = "closed";
}

export type SerializedError = { code: string; message: string; pluginCode?: string };

const byCode: Record<string, new (message: string) => PluginHostError> = {
  timeout: PluginTimeoutError,
  memory_limit: PluginMemoryLimitError,
  crashed: PluginCrashedError,
  result_too_large: PluginResultTooLargeError,
  load_failed: PluginLoadError,
  closed: PluginHostClosedError,
};

export function serializeError(e: unknown): SerializedError {
  if (e instanceof PluginInvocationError)
    return { code: e.code, message: e.message, pluginCode: e.pluginCode };
  if (e instanceof PluginHostError) return { code: e.code, message: e.message };
  return { code: "host_error", message: e instanceof Error ? e.message : String(e) };
}

export function deserializeError(s: SerializedError): PluginHostError {
  if (s.code === "plugin_error") return new PluginInvocationError(s.message, s.pluginCode);
  const Ctor = byCode[s.code] ?? PluginHostError;
  return new Ctor(s.message);
}
