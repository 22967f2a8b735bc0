import { fileURLToPath } from "node:url";
import { buildServerBundle, createHostApi, createPluginHostPool } from "@omnify/plugin-host";
import { percentile } from "./load";

export const INPUT = { destination: "https://shop.example.com/sale", campaign: "Spring Sale" };
const fixture = fileURLToPath(new URL("./plugin-fixture.ts", import.meta.url));

/** The fixture bundled by the production bundler, and a pool with production defaults. */
export async function benchPool(processes: number) {
  const bundle = await buildServerBundle(fixture, {
    root: fileURLToPath(new URL(".", import.meta.url)),
  });
  const pool = createPluginHostPool({
    processes,
    hostApi: createHostApi({ sinks: { log: () => {} } }),
  });
  const target = (tenantId: string) => ({
    tenantId,
    pluginId: "bench-tag",
    version: "1.0.0",
    bundle,
  });
  const call = (tenantId: string) =>
    pool.invoke({ ...target(tenantId), kind: "procedure", name: "tag", input: INPUT });
  return { bundle, pool, target, call };
}

/** Milliseconds each run of `f` took, `n` times in a row; `before` runs untimed ahead of each. */
export async function sample(
  n: number,
  f: (i: number) => Promise<unknown>,
  before?: () => Promise<unknown>,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    await before?.();
    const t = performance.now();
    await f(i);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

export const pct = (sorted: number[]) => ({
  p50: percentile(sorted, 50),
  p95: percentile(sorted, 95),
  p99: percentile(sorted, 99),
});

export const ms = (v: number) => `${v.toFixed(3)} ms`;

/** `0.21 ms (goal < 0.5 ms: 0.42× of the goal, ok)` */
export const vsGoal = (value: number, goal: number, unit = "ms") =>
  `${value.toFixed(3)} ${unit} (goal < ${goal} ${unit}: ${(value / goal).toFixed(2)}× of the goal, ${value < goal ? "ok" : "MISSED"})`;
