import { benchIngest } from "./bench/ingest";
import { benchPluginInvoke } from "./bench/plugin-invoke";
import { benchPluginThroughput } from "./bench/plugin-throughput";
import { benchRlsRead } from "./bench/rls-read";
import { benchScreens } from "./bench/screens";

/**
 * `npm run bench`: benchmarks, printed as ratios against a baseline measured in the same
 * run. Never part of `npm test`; nothing here asserts a timing.
 */
const only = process.argv[2];
const suites: Record<string, () => Promise<void>> = {
  "rls-read": benchRlsRead,
  plugin: async () => {
    await benchPluginInvoke();
    await benchPluginThroughput();
  },
  screens: benchScreens,
  ingest: benchIngest,
};
for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.log(`\n=== bench: ${name}`);
  await run();
}
process.exit(0);
