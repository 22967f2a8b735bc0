import { createAppDatabase } from "@omnify/db";
import { createPluginRuntimeClient, pluginRuntimeToken } from "@omnify/plugin-runtime/client";
import { readWorkerEnv } from "./env";
import { startPluginWork } from "./jobs/plugins/start-plugin-work";
import { listenForStripeEvents } from "./jobs/stripe-webhook-listener";
import { listenForTransfers } from "./jobs/transfer-listener";
import { createWorker } from "./worker";

const env = readWorkerEnv();
const db = createAppDatabase(env.OMNIFY_DB_APP_URL, { max: 4 });
const plugins =
  env.OMNIFY_PLUGIN_RUNTIME_URL && env.OMNIFY_SECRET
    ? createPluginRuntimeClient({
        url: env.OMNIFY_PLUGIN_RUNTIME_URL,
        token: pluginRuntimeToken(env.OMNIFY_SECRET),
      })
    : null;
if (!plugins) console.warn("[worker] no plugin runtime configured: plugin jobs will fail");
const worker = createWorker({
  adminUrl: env.OMNIFY_DB_ADMIN_URL,
  db,
  plugins,
  afterStart: startPluginWork,
});
await worker.start();
await listenForTransfers(worker.boss, db, console);
await listenForStripeEvents(worker.boss, db, console);
console.info(`[worker] started (${worker.definitions.length} queues)`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`[worker] ${signal}: waiting for running jobs`);
  try {
    await worker.stop();
    await db.close();
    process.exit(0);
  } catch (error) {
    console.error("[worker] shutdown failed", error);
    process.exit(1);
  }
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
