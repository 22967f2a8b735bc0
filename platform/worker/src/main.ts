import { createAppDatabase } from "@omnify/db";
import { readWorkerEnv } from "./env";
import { createWorker } from "./worker";

const env = readWorkerEnv();
const db = createAppDatabase(env.OMNIFY_DB_APP_URL, { max: 4 });
const worker = createWorker({ adminUrl: env.OMNIFY_DB_ADMIN_URL, db });
await worker.start();
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
