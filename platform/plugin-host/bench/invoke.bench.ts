/**
 * Rough numbers for the plugin host, not wired into tests (the benchmark slice owns timing).
 * Run: ./node_modules/.bin/node platform/plugin-host/bench/invoke.bench.ts
 */
import { fileURLToPath } from "node:url";
import { buildServerBundle, createHostApi, createPluginHostPool } from "../src/index.ts";

const dir = fileURLToPath(new URL("../test/fixtures/hello", import.meta.url));
const bundle = await buildServerBundle(`${dir}/plugin.ts`, { root: dir });
const pool = createPluginHostPool({
  processes: 2,
  hostApi: createHostApi({ sinks: { log: () => {} } }),
});
const call = (tenantId: string) =>
  pool.invoke({
    tenantId,
    pluginId: "hello",
    version: "1.0.0",
    bundle,
    kind: "procedure",
    name: "whoami",
  });
const time = async (label: string, n: number, f: (i: number) => Promise<unknown>) => {
  const t = performance.now();
  for (let i = 0; i < n; i++) await f(i);
  console.log(`${label}: ${((performance.now() - t) / n).toFixed(2)} ms/op over ${n}`);
};
try {
  console.log(`bundle: ${(bundle.code.length / 1024).toFixed(0)} kB`);
  await time("first call (process warm-up, manifest probe, isolate)", 1, () => call("bench-0"));
  await time("cold isolate per new tenant", 20, (i) => call(`bench-cold-${i}`));
  await time("warm call", 500, () => call("bench-0"));
  console.log(JSON.stringify((await pool.stats()).processes));
} finally {
  await pool.close();
}
