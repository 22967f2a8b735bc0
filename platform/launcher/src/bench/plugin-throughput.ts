import { benchPool, ms, pct } from "./plugin-common";

const TENANTS = 100;
const CALLS_PER_TENANT = 200;

/**
 * 100 tenants calling one plugin at once (each tenant sequentially, all tenants in
 * parallel) on the default two worker processes: calls per second, latency, and whether
 * the pool's CPU accounting shares the load out evenly.
 */
export async function benchPluginThroughput(): Promise<void> {
  const { pool, call, target } = await benchPool(2);
  const tenants = Array.from({ length: TENANTS }, (_, i) => `tenant-${i}`);
  try {
    // One at a time: a hundred bundles evaluating at once on two processes would trip the
    // per-isolate load timeout, which is a cold-start question, not this benchmark's.
    for (const t of tenants) await pool.prewarm(target(t));
    await Promise.all(tenants.map((t) => call(t)));
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      tenants.map(async (t) => {
        for (let i = 0; i < CALLS_PER_TENANT; i++) {
          const s = performance.now();
          await call(t);
          latencies.push(performance.now() - s);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const l = pct(latencies.sort((a, b) => a - b));
    const total = TENANTS * CALLS_PER_TENANT;
    console.log(
      `${TENANTS} tenants × ${CALLS_PER_TENANT} calls: ${Math.round(total / seconds)} calls/s over ${seconds.toFixed(1)} s`,
    );
    console.log(`latency under load      p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}`);
    const stats = await pool.stats();
    const cpu = stats.usage.map((u) => u.cpuMs).sort((a, b) => a - b);
    console.log(
      `CPU charged per tenant  min ${ms(cpu[0] ?? 0)}  max ${ms(cpu.at(-1) ?? 0)}  (${stats.usage.length} tenants billed)`,
    );
    console.log(
      `workers: ${stats.processes.map((p) => `${p.isolates} isolates, ${p.rssMb} MB RSS`).join("; ")}`,
    );
  } finally {
    await pool.close();
  }
}
