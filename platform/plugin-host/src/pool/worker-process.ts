import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import {
  deserializeError,
  PluginCrashedError,
  PluginHostClosedError,
  PluginTimeoutError,
} from "../errors.ts";
import type { FromWorker, ToWorker, WorkerConfig } from "../sandbox/protocol.ts";

const WORKER_ENTRY = fileURLToPath(new URL("../sandbox/worker-main.ts", import.meta.url));

type Request = Extract<ToWorker, { id: number }>;
type Pending = {
  msg: Request;
  resolve(valueJson: string): void;
  reject(e: Error): void;
  timer: NodeJS.Timeout;
};
type SpawnArgs = { nodePath: string; heapMb: number; config: WorkerConfig };
export type WorkerEvents = { onMessage(w: WorkerProcess, msg: FromWorker): void };

/**
 * One sandbox worker process and its pending requests. When the process dies, every pending
 * request fails with PluginCrashedError and a fresh process takes its place; nothing else in
 * the pool is touched.
 */
export class WorkerProcess {
  private child: ChildProcess | undefined;
  private ready = false;
  private outbox: ToWorker[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly sentCode = new Set<string>();
  private recentRestarts: number[] = [];
  private closing = false;
  private exitReason: string | undefined;
  restarts = 0;
  readonly index: number;
  private readonly spawnArgs: SpawnArgs;
  private readonly events: WorkerEvents;

  constructor(index: number, spawnArgs: SpawnArgs, events: WorkerEvents) {
    this.index = index;
    this.spawnArgs = spawnArgs;
    this.events = events;
    this.spawn();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  private spawn(): void {
    const { nodePath, heapMb, config } = this.spawnArgs;
    const child = fork(WORKER_ENTRY, [JSON.stringify(config)], {
      execPath: nodePath,
      // --no-node-snapshot: isolated-vm on Node >= 20 needs it. The heap cap bounds the worker's
      // own heap; isolate heaps are bounded by memoryLimit and the worker's RSS watchdog.
      execArgv: [
        "--no-node-snapshot",
        `--max-old-space-size=${heapMb}`,
        "--disable-warning=ExperimentalWarning",
      ],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      serialization: "json",
      // The worker needs no environment; an empty one keeps OMNIFY_SECRET, DATABASE_URL and
      // the rest out of the process that runs plugin code, should an isolate ever escape.
      env: {},
    });
    this.child = child;
    this.ready = false;
    child.on("message", (msg: FromWorker) => this.onMessage(msg));
    child.on("exit", (code, signal) => this.onExit(child, code, signal));
    child.on("error", () => child.kill("SIGKILL"));
  }

  private onMessage(msg: FromWorker): void {
    if (msg.t === "exiting") {
      this.exitReason = `passed its ${this.spawnArgs.config.maxRssMb} MB memory cap`;
    } else if (msg.t === "ready") {
      this.ready = true;
      for (const m of this.outbox.splice(0)) this.child?.send(m);
    } else if (msg.t === "done") {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      clearTimeout(p.timer);
      if (msg.ok) p.resolve(msg.valueJson);
      else p.reject(deserializeError(msg.error));
    } else if (msg.t === "missing-code") {
      // The worker dropped the code from its cache: send the request again with the code.
      this.sentCode.delete(msg.sha256);
      const p = this.pending.get(msg.id);
      if (p) this.post(p.msg);
    } else {
      this.events.onMessage(this, msg);
    }
  }

  private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (child !== this.child) return;
    const why = this.exitReason ?? (signal ? `was killed (${signal})` : `exited with code ${code}`);
    this.exitReason = undefined;
    const error = this.closing
      ? new PluginHostClosedError("the plugin host pool was closed")
      : new PluginCrashedError(`plugin host process ${this.index} ${why} during the call`);
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(error);
    }
    this.pending.clear();
    this.sentCode.clear();
    this.outbox = [];
    if (this.closing) return;
    this.restarts++;
    // A crash loop (e.g. a bundle that kills the process on load) backs off instead of spinning.
    const now = Date.now();
    this.recentRestarts = [...this.recentRestarts.filter((t) => now - t < 10_000), now];
    const delay = this.recentRestarts.length > 5 ? 1000 : 0;
    this.child = undefined;
    setTimeout(() => this.closing || this.spawn(), delay).unref();
  }

  send(msg: ToWorker): void {
    if (this.ready && this.child?.connected) this.child.send(msg);
    else this.outbox.push(msg);
  }

  private post(msg: Request): void {
    const needsCode = "sha256" in msg && "code" in msg;
    if (needsCode && msg.code !== undefined) {
      if (this.sentCode.has(msg.sha256)) this.send({ ...msg, code: undefined });
      else {
        this.sentCode.add(msg.sha256);
        this.send(msg);
      }
    } else this.send(msg);
  }

  /** Sends a request; the backstop kills the process if it does not answer in time. */
  request(msg: Request, backstopMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(msg.id);
        reject(
          new PluginTimeoutError(
            `plugin host process ${this.index} did not answer in ${backstopMs} ms; restarting it`,
          ),
        );
        this.child?.kill("SIGKILL");
      }, backstopMs);
      this.pending.set(msg.id, { msg, resolve, reject, timer });
      this.post(msg);
    });
  }

  /** Test and operations hook: kill the process as a crash would. */
  kill(signal: NodeJS.Signals = "SIGKILL"): void {
    this.child?.kill(signal);
  }

  async close(): Promise<void> {
    this.closing = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    child.disconnect?.();
    const force = setTimeout(() => child.kill("SIGKILL"), 2000);
    await exited;
    clearTimeout(force);
  }
}
