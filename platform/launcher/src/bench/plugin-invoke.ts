import { createHash } from "node:crypto";
import type { PluginHostPool } from "@omnify/plugin-host";
import { registerPlugin, type SandboxExports } from "@omnify/plugin-sdk/runtime";
import { benchPool, INPUT, ms, pct, sample, vsGoal } from "./plugin-common";
import fixture from "./plugin-fixture";

async function isolateTime(pool: PluginHostPool, tenantId: string) {
  const u = (await pool.stats()).usage.find((r) => r.tenantId === tenantId);
  return { wallMs: u?.wallMs ?? 0, calls: u?.invocations ?? 0 };
}

const WARM_CALLS = 3000;
const COLD_ISOLATES = 60;
const SPACED_ISOLATES = 40;
const SPACING_MS = 100;
const pause = () => new Promise((r) => setTimeout(r, SPACING_MS));

/**
 * A warm procedure call through the sandbox (IPC to the worker, isolate, bridge, JSON both
 * ways) against the same handler dispatched in-process in this run; then the cost of a new
 * isolate for a new tenant once the worker holds the bundle's code cache.
 * Goals: warm overhead < 0.5 ms at p50; cold isolate < 5 ms at p50.
 */
export async function benchPluginInvoke(): Promise<void> {
  const { pool, call, target, bundle } = await benchPool(1);
  try {
    // In-process: the very entry the bundle installs in an isolate (input parse, ctx, handler,
    // JSON envelope), registered here with a bridge that is never called.
    const g = globalThis as { host?: unknown; __omnify?: SandboxExports };
    g.host = { call: async () => JSON.stringify({ ok: true, value: null }) };
    if (!g.__omnify) registerPlugin(fixture);
    const dispatch = (g.__omnify as SandboxExports).dispatch;
    const inputJson = JSON.stringify(INPUT);
    const inv = JSON.stringify({
      tenantId: "t",
      pluginId: "bench-tag",
      version: "1.0.0",
      settings: {},
    });
    await sample(WARM_CALLS, () => dispatch("procedure", "tag", inputJson, inv)); // JIT warm-up
    const local = pct(await sample(WARM_CALLS, () => dispatch("procedure", "tag", inputJson, inv)));

    await call("warm"); // process start, manifest probe, code cache, first isolate
    await sample(500, () => call("warm"));
    const before = await isolateTime(pool, "warm");
    const warm = pct(await sample(WARM_CALLS, () => call("warm")));
    const after = await isolateTime(pool, "warm");
    const inIsolate = (after.wallMs - before.wallMs) / (after.calls - before.calls);
    // stats() is one IPC round trip to the worker and back: the floor under any call.
    const ipc = pct(await sample(500, () => pool.stats()));
    // pool.invoke re-verifies the bundle's sha256 on every call (its cache is keyed by the
    // zod-parsed copy of the bundle, a new object each time): what that costs per call.
    const rehash = pct(
      await sample(500, async () => createHash("sha256").update(bundle.code).digest("hex")),
    );

    // Back to back: each new tenant arrives while the spare isolate the previous one left
    // behind is still loading, so it waits for (most of) a full bundle load.
    const prewarm = pct(await sample(COLD_ISOLATES, (i) => pool.prewarm(target(`cold-${i}`))));
    const firstCall = pct(await sample(COLD_ISOLATES, (i) => call(`first-${i}`)));
    // New tenants SPACING_MS apart (the pause is not timed): arrivals slower than a bundle
    // load, so the spare is ready when the next new tenant comes.
    const spacedPrewarm = pct(
      await sample(SPACED_ISOLATES, (i) => pool.prewarm(target(`spaced-${i}`)), pause),
    );
    const spacedFirstCall = pct(
      await sample(SPACED_ISOLATES, (i) => call(`spaced-first-${i}`), pause),
    );
    // CPU the new tenants' isolates used (load + first call): less at the mercy of whatever
    // else the shared cores are doing than the wall-clock numbers above.
    const firstCpu = pct(
      (await pool.stats()).usage
        .filter((u) => u.tenantId.startsWith("first-"))
        .map((u) => u.cpuMs)
        .sort((a, b) => a - b),
    );

    console.log(
      `in-process handler      p50 ${ms(local.p50)}  p95 ${ms(local.p95)}  p99 ${ms(local.p99)}`,
    );
    console.log(
      `sandboxed warm call     p50 ${ms(warm.p50)}  p95 ${ms(warm.p95)}  p99 ${ms(warm.p99)}`,
    );
    console.log(`  overhead at p50       ${vsGoal(warm.p50 - local.p50, 0.5)}`);
    console.log(
      `  of which: in-isolate ${ms(inIsolate)} (mean), IPC round trip p50 ${ms(ipc.p50)},`,
    );
    console.log(
      `  bundle sha256 re-check p50 ${ms(rehash.p50)} (${Math.round(bundle.code.length / 1024)} kB bundle)`,
    );
    console.log(`new isolate (prewarm)   p50 ${vsGoal(prewarm.p50, 5)}  p95 ${ms(prewarm.p95)}`);
    console.log(`new tenant, first call  p50 ${ms(firstCall.p50)}  p95 ${ms(firstCall.p95)}`);
    console.log(
      `new isolate, ${SPACING_MS} ms apart p50 ${vsGoal(spacedPrewarm.p50, 5)}  p95 ${ms(spacedPrewarm.p95)}`,
    );
    console.log(
      `  first call, ${SPACING_MS} ms apart p50 ${ms(spacedFirstCall.p50)}  p95 ${ms(spacedFirstCall.p95)}`,
    );
    console.log(`  its isolate's CPU      p50 ${ms(firstCpu.p50)}  p95 ${ms(firstCpu.p95)}`);
    const s = await pool.stats();
    console.log(
      `worker: ${s.processes.map((p) => `${p.isolates} isolates + ${p.spares} spare, ${p.rssMb} MB RSS`).join("; ")}`,
    );
  } finally {
    await pool.close();
  }
}
