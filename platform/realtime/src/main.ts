import { createAppDatabase } from "@omnify/db";
import { readRealtimeEnv } from "./env";
import { createRealtimeGateway } from "./gateway";

const env = readRealtimeEnv();
const db = createAppDatabase(env.OMNIFY_DB_APP_URL, { max: 2 });
const gateway = await createRealtimeGateway({
  db,
  secret: env.OMNIFY_SECRET,
  port: env.REALTIME_PORT,
  ...(env.REALTIME_HOST ? { host: env.REALTIME_HOST } : {}),
});
const wildcard =
  !env.REALTIME_HOST || env.REALTIME_HOST === "0.0.0.0" || env.REALTIME_HOST === "::";
const shownHost = wildcard ? "127.0.0.1" : env.REALTIME_HOST;
console.info(`[realtime] listening on http://${shownHost}:${gateway.port}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.info(`[realtime] ${signal}: closing sockets`);
  try {
    await gateway.close();
    await db.close();
    process.exit(0);
  } catch (error) {
    console.error("[realtime] shutdown failed", error);
    process.exit(1);
  }
}
process.once("SIGTERM", () => void shutdown("SIGTERM"));
process.once("SIGINT", () => void shutdown("SIGINT"));
