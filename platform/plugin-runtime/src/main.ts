import { paymentClientsFromEnv } from "@omnify/core/payments/config";
import { createObjectStorage } from "@omnify/core/storage/config";
import { readRuntimeEnv } from "./env";
import { startPluginRuntime } from "./start";

const env = readRuntimeEnv();
const runtime = await startPluginRuntime({
  appUrl: env.OMNIFY_DB_APP_URL,
  adminUrl: env.OMNIFY_DB_ADMIN_URL,
  omnifySecret: env.OMNIFY_SECRET,
  port: env.PLUGIN_RUNTIME_PORT,
  environment: env.NODE_ENV,
  storage: createObjectStorage(env.storage),
  payments: paymentClientsFromEnv(env.payments),
  pool: { processes: env.PLUGIN_RUNTIME_PROCESSES },
});
console.info(`[plugin-runtime] listening on ${runtime.url}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`[plugin-runtime] ${signal}: stopping`);
  try {
    await runtime.stop();
    process.exit(0);
  } catch (error) {
    console.error("[plugin-runtime] shutdown failed", error);
    process.exit(1);
  }
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
