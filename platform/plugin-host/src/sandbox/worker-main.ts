/**
 * Entry of a sandbox worker process (forked by the pool with --no-node-snapshot and a heap cap).
 * Holds the isolates; everything a plugin asks of the host is relayed to the parent, tagged
 * with the isolate's own (tenant, plugin, version).
 */
import { serializeError } from "../errors.ts";
import { IsolatePool } from "./isolate-pool.ts";
import type { Bridge } from "./plugin-isolate.ts";
import type { FromWorker, IsolateKey, ToWorker, WorkerConfig } from "./protocol.ts";

const config = JSON.parse(process.argv[2] ?? "{}") as WorkerConfig;
const codes = new Map<string, string>();
const hostCalls = new Map<number, (replyJson: string) => void>();
let nextCallId = 1;

// After the pool disconnected (closing), there is nobody to tell: drop the message.
const send = (msg: FromWorker) => (process.connected ? process.send?.(msg) : undefined);
const refuse = (code: string, message: string) =>
  JSON.stringify({ ok: false, error: { code, message } });

function bridgeFor(key: IsolateKey, sha256: string): Bridge {
  let active = 0;
  return async (method, argsJson) => {
    if (typeof method !== "string" || typeof argsJson !== "string" || method.length > 64) {
      return refuse("bad_request", "host.call(method, argsJson) takes two strings");
    }
    if (Buffer.byteLength(argsJson) > config.maxHostCallBytes) {
      return refuse("too_large", `host call arguments exceed ${config.maxHostCallBytes} bytes`);
    }
    if (active >= config.maxConcurrentHostCalls) {
      return refuse(
        "too_many_calls",
        `more than ${config.maxConcurrentHostCalls} host calls in flight`,
      );
    }
    active++;
    try {
      return await new Promise<string>((resolve) => {
        const callId = nextCallId++;
        hostCalls.set(callId, resolve);
        send({ t: "host-call", callId, key, sha256, method, argsJson });
      });
    } finally {
      active--;
    }
  };
}

const pool = new IsolatePool(config, (sha) => codes.get(sha), {
  bridgeFor,
  onDescriptor: (sha256, descriptor) => send({ t: "manifest", sha256, descriptor }),
  onUsage: (key, usage) => {
    if (usage.cpuNs > 0 || usage.wallNs > 0) send({ t: "usage", key, usage });
  },
  onSpareFailed: (sha256, e) =>
    process.stderr.write(
      `plugin-host: spare isolate for ${sha256.slice(0, 12)} failed to load: ${e instanceof Error ? e.message : String(e)}\n`,
    ),
});

/** Keeps the code cache bounded to what live isolates use plus a little slack. */
function pruneCodes(keep: string): void {
  if (codes.size <= config.maxIsolates + 16) return;
  const live = pool.liveCode().add(keep);
  for (const sha of codes.keys()) {
    if (!live.has(sha) && codes.size > config.maxIsolates) {
      codes.delete(sha);
      pool.forget(sha);
    }
  }
}

async function run(msg: Extract<ToWorker, { id: number; sha256: string }>): Promise<string> {
  if (msg.t === "inspect") return JSON.stringify(await pool.describe(msg.sha256));
  const isolate = await pool.get(msg.key, msg.sha256);
  if (msg.t === "prewarm") return "null";
  const invocation = JSON.stringify({
    ...msg.key,
    settings: JSON.parse(msg.settingsJson),
    caller: JSON.parse(msg.callerJson),
  });
  try {
    const limits = { ...msg.limits, maxResultBytes: config.maxResultBytes };
    return await isolate.invoke([msg.kind, msg.name, msg.inputJson, invocation], limits);
  } finally {
    const usage = isolate.takeUsage();
    if (usage.cpuNs > 0 || usage.wallNs > 0) send({ t: "usage", key: msg.key, usage });
  }
}

process.on("message", (msg: ToWorker) => {
  if (msg.t === "host-result") {
    hostCalls.get(msg.callId)?.(msg.replyJson);
    hostCalls.delete(msg.callId);
    return;
  }
  if (msg.t === "stats") {
    const rssMb = Math.round(process.memoryUsage.rss() / 2 ** 20);
    send({
      t: "stats",
      id: msg.id,
      stats: { isolates: pool.size, spares: pool.spareCount, rssMb },
    });
    return;
  }
  if (msg.code !== undefined) codes.set(msg.sha256, msg.code);
  if (!codes.has(msg.sha256)) {
    send({ t: "missing-code", id: msg.id, sha256: msg.sha256 });
    return;
  }
  run(msg)
    .then(
      (valueJson) => send({ t: "done", id: msg.id, ok: true, valueJson }),
      (e) => send({ t: "done", id: msg.id, ok: false, error: serializeError(e) }),
    )
    .finally(() => setImmediate(() => pool.startRefills()));
  pruneCodes(msg.sha256);
});

// The isolates' heaps live outside Node's heap, so --max-old-space-size alone does not bound
// this process; this check does, by ending the process (the pool restarts it).
setInterval(() => {
  pool.sweep();
  if (process.memoryUsage.rss() > config.maxRssMb * 2 ** 20) {
    // Tell the pool why first; then SIGKILL, because a normal exit with isolates still
    // running can abort inside isolated-vm's teardown.
    process.send?.({ t: "exiting", reason: "over_memory" } satisfies FromWorker, () =>
      process.kill(process.pid, "SIGKILL"),
    );
  }
}, 250).unref();

process.on("disconnect", () => {
  // Exiting while a spare is still loading can crash in isolated-vm's teardown: wait for it.
  void pool.disposeAll().finally(() => process.exit(0));
});
send({ t: "ready" });
