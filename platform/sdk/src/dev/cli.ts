/**
 * `npx tsx platform/sdk/src/dev/cli.ts <plugin dir> [--port 4400] [--database-url URL]
 *   [--settings '{"k":"v"}'] [--secret name=value]... [--allow-private-networks]`
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { pluginDir } from "../testing/load-plugin.ts";
import { startDevDatabase } from "./database.ts";
import { startDevHost } from "./dev-host.ts";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../../..");
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: "4400" },
    "database-url": { type: "string" },
    settings: { type: "string" },
    secret: { type: "string", multiple: true },
    "allow-private-networks": { type: "boolean" },
  },
});
if (positionals.length !== 1) {
  console.error(
    "usage: omnify-plugin dev <plugin dir> [--port 4400] [--database-url URL] [--settings JSON] [--secret name=value]",
  );
  process.exit(2);
}

const secrets = Object.fromEntries(
  (values.secret ?? []).map((s) => [s.slice(0, s.indexOf("=")), s.slice(s.indexOf("=") + 1)]),
);
const db = values["database-url"] ? undefined : await startDevDatabase(repoRoot);
const adminUrl = values["database-url"] ?? db?.adminUrl ?? "";
const dev = await startDevHost({
  dir: pluginDir(positionals[0] ?? "."),
  port: Number(values.port),
  databaseAdminUrl: async () => adminUrl,
  secrets,
  ...(values.settings ? { settings: JSON.parse(values.settings) as Record<string, unknown> } : {}),
  ...(values["allow-private-networks"] ? { fetch: { allowPrivateNetworks: true } } : {}),
});
console.log(`try: curl -s ${dev.url}/call -d '{"tenantId":"t1","procedure":"<name>","input":{}}'`);

const stop = async () => {
  await dev.close();
  await db?.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
