/**
 * Run by spares.integration.test.ts in its own Node (see runChild): the worker's isolate pool
 * with spare isolates, on real isolates; prints what it saw as JSON.
 */
import { IsolatePool } from "../../src/sandbox/isolate-pool.ts";
import type { Bridge, PluginIsolate } from "../../src/sandbox/plugin-isolate.ts";
import type { WorkerConfig } from "../../src/sandbox/protocol.ts";
import { type Bundle, callProcedure, readBundles, workerConfig } from "./child-common.ts";

const { stateful, restless } = (await readBundles()) as Record<"stateful" | "restless", Bundle>;
const codes = new Map([stateful, restless].map((b) => [b.sha256, b.code]));
const calls: { tenantId: string; method: string; argsJson: string }[] = [];
const spareFailures: string[] = [];

function poolWith(overrides: Partial<WorkerConfig> = {}) {
  const pool = new IsolatePool(workerConfig(overrides), (sha) => codes.get(sha), {
    bridgeFor: (key): Bridge => {
      return async (method, argsJson) => {
        calls.push({ tenantId: key.tenantId, method, argsJson });
        return JSON.stringify({ ok: true, value: null });
      };
    },
    onDescriptor: () => {},
    onUsage: () => {},
    onSpareFailed: (_sha, e) => spareFailures.push(String(e)),
  });
  // The pool's private spares, reached the way only a test may, to see which isolate is which.
  const spares = (
    pool as unknown as {
      spares: Map<string, { loading: Promise<PluginIsolate | undefined> }>;
    }
  ).spares;
  const close = () => pool.disposeAll();
  return { pool, close, spare: () => spares.get(stateful.sha256)?.loading };
}
const key = (tenantId: string, pluginId = "stateful") => ({ tenantId, pluginId, version: "1.0.0" });
const count = (iso: PluginIsolate, tenantId: string) =>
  callProcedure(iso, "stateful", "count", tenantId);
/** What the worker does after answering a request: start the spare loads that wait for it. */
const answered = (p: { startRefills(): void }) => p.startRefills();

// Spares on: the probe is the first spare, a claim starts the next.
const { pool, close, spare } = poolWith();
await pool.describe(stateful.sha256);
const probe = await spare();
const a = await pool.get(key("tenant-a"), stateful.sha256);
answered(pool);
const refill = await spare();
const b = await pool.get(key("tenant-b"), stateful.sha256);
// While a call runs, the next spare waits (it would take a core from the call).
const running = count(a, "tenant-a");
pool.startRefills();
const sparesWhileCallRuns = pool.spareCount;
const firstCount = await running;
answered(pool);
let rebind = "";
try {
  b.bind(async () => "{}");
} catch (e) {
  rebind = (e as Error).message;
}
const withSpares = {
  aWasProbe: a === probe,
  bWasRefill: b === refill && refill !== undefined,
  distinct: a !== b,
  counts: [firstCount, await count(a, "tenant-a"), await count(b, "tenant-b")],
  atLoad: await callProcedure(a, "stateful", "atLoad", "tenant-a"),
  logs: [
    await callProcedure(a, "stateful", "log", "tenant-a"),
    await callProcedure(b, "stateful", "log", "tenant-b"),
  ],
  rebind,
  sparesWhileCallRuns,
  sparesAfter: pool.spareCount,
  spareFailures: [...spareFailures],
};
await close();

// Spares off: every tenant loads its own isolate, and the probe is thrown away.
const off = poolWith({ maxSpares: 0 });
await off.pool.describe(stateful.sha256);
const sparesAfterDescribe = off.pool.spareCount;
const c = await off.pool.get(key("tenant-c"), stateful.sha256);
answered(off.pool);
const withoutSpares = {
  sparesAfterDescribe,
  sparesAfterGet: off.pool.spareCount,
  count: await count(c, "tenant-c"),
};
await off.close();

// A spare whose load left work running is dropped by the idle watchdog, never handed out.
const idle = poolWith({ idleCpuBudgetMs: 20 });
await idle.pool.describe(restless.sha256);
const restlessSpares = [idle.pool.spareCount];
for (let i = 0; i < 10 && idle.pool.spareCount > 0; i++) {
  await new Promise((r) => setTimeout(r, 100));
  idle.pool.sweep();
}
restlessSpares.push(idle.pool.spareCount);
const fresh = await idle.pool.get(key("tenant-d", "restless"), restless.sha256);
const restlessResult = {
  spares: restlessSpares,
  ping: await callProcedure(fresh, "restless", "ping", "tenant-d"),
};
await idle.close();
// Let the isolate threads stopped mid-loop wind down before the process exits.
await new Promise((r) => setTimeout(r, 200));

process.stdout.write(
  JSON.stringify({
    withSpares,
    withoutSpares,
    restless: restlessResult,
    calls: calls.filter((x) => x.method === "log" && !x.argsJson.includes("again")),
  }),
);
process.exit(0);
