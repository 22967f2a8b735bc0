import ivm from "isolated-vm";
import {
  PluginHostError,
  PluginInvocationError,
  PluginLoadError,
  PluginMemoryLimitError,
  PluginResultTooLargeError,
  PluginTimeoutError,
} from "../errors.ts";
import { BOOTSTRAP } from "./bootstrap.ts";
import type { Usage } from "./protocol.ts";

export type Bridge = (method: string, argsJson: string) => Promise<string>;
const refuseWhileUnbound: Bridge = async () =>
  JSON.stringify({
    ok: false,
    error: { code: "not_available", message: "host APIs are not available while a plugin loads" },
  });
type DisposeReason =
  | "deadline"
  | "cpu_timeout"
  | "memory_limit"
  | "idle_cpu"
  | "evicted"
  | "load_failed";
/** What isolated-vm sets on a Script compiled with cache options (its typings omit the flag). */
type CompiledScript = ivm.Script & ivm.CachedDataResult & { cachedDataRejected?: boolean };
export type CallLimits = { cpuTimeoutMs: number; deadlineMs: number; maxResultBytes: number };

const reasonError = (reason: DisposeReason, detail: string): PluginHostError =>
  reason === "memory_limit"
    ? new PluginMemoryLimitError(`plugin exceeded its memory limit (${detail})`)
    : reason === "load_failed"
      ? new PluginLoadError(detail)
      : new PluginTimeoutError(`plugin ${detail}; its isolate was disposed`);

/** Classifies an error thrown by isolated-vm into why the isolate must go. */
function reasonOf(e: unknown): DisposeReason | undefined {
  const msg = e instanceof Error ? e.message : String(e);
  if (/memory limit/i.test(msg)) return "memory_limit";
  if (/timed out/i.test(msg)) return "cpu_timeout";
  return undefined;
}

/** One isolate + context holding one evaluated bundle, for one (tenant, plugin, version). */
export class PluginIsolate {
  inFlight = 0;
  private disposeReason: DisposeReason | undefined;
  private charged = { cpu: 0n, wall: 0n };
  private unreported: Usage = { cpuNs: 0, wallNs: 0 };
  idleCpuMark = 0n;
  private bridge: Bridge | undefined;

  private readonly isolate: ivm.Isolate;
  private readonly dispatchRef: ivm.Reference;
  readonly describeJson: string;
  readonly memoryMb: number;

  private readonly filename: string;
  /** The code cache handed to `load` was refused by V8 (corrupt, foreign or stale); V8 compiled from source. */
  readonly cacheRejected: boolean;

  private constructor(
    isolate: ivm.Isolate,
    dispatchRef: ivm.Reference,
    describeJson: string,
    memoryMb: number,
    filename: string,
    cacheRejected: boolean,
  ) {
    this.isolate = isolate;
    this.dispatchRef = dispatchRef;
    this.describeJson = describeJson;
    this.memoryMb = memoryMb;
    this.filename = filename;
    this.cacheRejected = cacheRejected;
  }

  static async load(
    code: string,
    opts: {
      memoryMb: number;
      timeoutMs: number;
      label: string;
      cachedData?: ivm.ExternalCopy<ArrayBuffer>;
    },
  ) {
    const isolate = new ivm.Isolate({
      memoryLimit: opts.memoryMb,
      // V8 has lost control of this isolate; the only safe answer is to end the process,
      // which the pool notices and replaces.
      onCatastrophicError: (message) => {
        process.stderr.write(`plugin-host: catastrophic isolate error: ${message}\n`);
        process.abort();
      },
    });
    // Until bind(), every host call is refused: the isolate belongs to no tenant yet.
    let loaded: PluginIsolate | undefined;
    const forward: Bridge = (method, argsJson) =>
      (loaded?.bridge ?? refuseWhileUnbound)(method, argsJson);
    try {
      const context = await isolate.createContext();
      await context.evalClosure(BOOTSTRAP, [new ivm.Reference(forward)], {
        timeout: opts.timeoutMs,
      });
      const filename = `plugin://${opts.label}.js`;
      const script = await isolate.compileScript(
        code,
        opts.cachedData ? { filename, cachedData: opts.cachedData } : { filename },
      );
      const cacheRejected =
        opts.cachedData !== undefined && (script as CompiledScript).cachedDataRejected === true;
      await script.run(context, { timeout: opts.timeoutMs, release: true });
      const describeJson = await context.eval("globalThis.__omnify.describe()", {
        timeout: opts.timeoutMs,
        copy: true,
      });
      if (typeof describeJson !== "string") throw new Error("bundle did not describe itself");
      const dispatch = await context.eval("globalThis.__omnify.dispatch", { reference: true });
      loaded = new PluginIsolate(
        isolate,
        dispatch as ivm.Reference,
        describeJson,
        opts.memoryMb,
        filename,
        cacheRejected,
      );
      // Loading is work done on the host's behalf, not idle burn: start the watchdog from here.
      loaded.idleCpuMark = isolate.cpuTime;
      return loaded;
    } catch (e) {
      if (!isolate.isDisposed) isolate.dispose();
      const reason = reasonOf(e) ?? "load_failed";
      throw reasonError(
        reason,
        `loading the bundle failed: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  }

  /**
   * Gives the isolate to one (tenant, plugin, version): from now on its host calls go to
   * `bridge`. Once only; an isolate never changes hands.
   */
  bind(bridge: Bridge): void {
    if (this.bridge) throw new PluginHostError("isolate is already bound to a tenant");
    this.bridge = bridge;
    // Time spent waiting as a spare is not the tenant's idle burn: watch from here.
    this.idleCpuMark = this.cpuTime();
  }

  get bound(): boolean {
    return this.bridge !== undefined;
  }

  /**
   * V8 code cache for `code`, which must be the code this isolate loaded. Produced after the
   * bundle ran: compiling the same source and origin again hits the isolate's compilation
   * cache, whose functions now include every one compiled lazily during load (most of zod),
   * so the cache covers them too; one taken straight after compiling holds only the top
   * level. Bytecode comes from V8 compiling the source, so running plugin code cannot put
   * anything but the bundle's own code in it.
   */
  async codeCache(code: string): Promise<ivm.ExternalCopy<ArrayBuffer> | undefined> {
    const again = await this.isolate.compileScript(code, {
      filename: this.filename,
      produceCachedData: true,
    });
    again.release();
    return (again as CompiledScript).cachedData;
  }

  get disposed(): boolean {
    return this.isolate.isDisposed;
  }

  /** Adds CPU and wall time since the last sample to what is not yet reported. */
  private sample(): void {
    if (this.isolate.isDisposed) return;
    const cpu = this.isolate.cpuTime;
    const wall = this.isolate.wallTime;
    this.unreported.cpuNs += Number(cpu - this.charged.cpu);
    this.unreported.wallNs += Number(wall - this.charged.wall);
    this.charged = { cpu, wall };
  }

  /** Usage not yet reported, including time estimated for an isolate V8 disposed itself. */
  takeUsage(): Usage {
    this.sample();
    const usage = this.unreported;
    this.unreported = { cpuNs: 0, wallNs: 0 };
    return usage;
  }

  cpuTime(): bigint {
    return this.isolate.isDisposed ? 0n : this.isolate.cpuTime;
  }

  dispose(reason: DisposeReason): void {
    this.sample();
    this.disposeReason ??= reason;
    if (!this.isolate.isDisposed) this.isolate.dispose();
  }

  /** Runs one handler; resolves to the result as JSON text. */
  async invoke(args: [string, string, string, string], limits: CallLimits): Promise<string> {
    if (!this.bridge) throw new PluginHostError("isolate is not bound to a tenant");
    this.inFlight++;
    const started = process.hrtime.bigint();
    const timer = setTimeout(() => this.dispose("deadline"), limits.deadlineMs);
    let envelope: unknown;
    try {
      envelope = await this.dispatchRef.apply(undefined, args, {
        timeout: limits.cpuTimeoutMs,
        arguments: { copy: true },
        result: { promise: true, copy: true },
      });
    } catch (e) {
      const reason = this.disposeReason ?? reasonOf(e);
      // isolated-vm disposes on memory limit itself, so cpuTime is gone: charge wall time.
      if (reason === "memory_limit" && this.isolate.isDisposed) {
        const elapsed = Number(process.hrtime.bigint() - started);
        this.unreported.cpuNs += elapsed;
        this.unreported.wallNs += elapsed;
      }
      if (!reason)
        throw new PluginHostError(
          `plugin call failed: ${e instanceof Error ? e.message : String(e)}`,
        );
      this.dispose(reason);
      const detail = {
        deadline: `ran past its ${limits.deadlineMs} ms wall-clock deadline`,
        cpu_timeout: `ran past its ${limits.cpuTimeoutMs} ms CPU timeout`,
        memory_limit: `${this.memoryMb} MB`,
        idle_cpu: "kept running after its call returned",
        evicted: "was evicted",
        load_failed: "failed to load",
      }[reason];
      throw reasonError(reason, detail);
    } finally {
      clearTimeout(timer);
      this.inFlight--;
      this.idleCpuMark = this.cpuTime();
    }
    return unwrap(envelope, limits.maxResultBytes);
  }
}

function unwrap(envelope: unknown, maxBytes: number): string {
  if (typeof envelope !== "string")
    throw new PluginResultTooLargeError("plugin result is not JSON text");
  if (Buffer.byteLength(envelope) > maxBytes + 64) {
    throw new PluginResultTooLargeError(`plugin result is larger than ${maxBytes} bytes`);
  }
  let parsed: { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown } };
  try {
    parsed = JSON.parse(envelope);
  } catch {
    throw new PluginResultTooLargeError("plugin result is not valid JSON");
  }
  if (parsed?.ok === true) return JSON.stringify(parsed.value ?? null);
  const code = typeof parsed?.error?.code === "string" ? parsed.error.code : "plugin_error";
  throw new PluginInvocationError(
    String(parsed?.error?.message ?? "plugin failed").slice(0, 4000),
    code,
  );
}
