import { createAppDatabase } from "@omnify/db";
import { createRealtimeGateway } from "@omnify/realtime";

/**
 * The realtime node under test, alone in its process so its memory can be read from
 * /proc without the load generator's. Started with --expose-gc so the parent can ask for a
 * collection before each memory reading.
 */
const db = createAppDatabase(process.env.BENCH_APP_URL as string, { max: 2 });
const gateway = await createRealtimeGateway({
  db,
  secret: process.env.BENCH_SECRET as string,
  port: Number(process.env.BENCH_PORT ?? 0),
  host: "127.0.0.1",
  reusePort: process.env.BENCH_PORT !== undefined,
  log: { info() {}, warn: console.warn, error: console.error },
});

process.on("message", (m: { type: string }) => {
  if (m.type !== "memory") return;
  (globalThis as { gc?: () => void }).gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send?.({ type: "memory", rss, heapUsed });
});
process.on("SIGTERM", () => {
  void gateway
    .close()
    .then(() => db.close())
    .then(() => process.exit(0));
});
process.send?.({ type: "ready", port: gateway.port });
