import { createServer } from "node:http";
import { createTrpcFetchHandler } from "@omnify/api";
import { createLogMailer, readCoreConfig } from "@omnify/core";
import { createAppDatabase } from "@omnify/db";

/**
 * Benchmark server, run in its own process so the load generator does not share its
 * event loop: the real tRPC handler on plain node:http, session token in a header.
 */
const appUrl = process.env.BENCH_APP_URL as string;
const db = createAppDatabase(appUrl, { max: 16 });
const config = {
  ...readCoreConfig({ PLATFORM_HOST: "localhost" }),
  realtimeUrl: "http://localhost:1",
  realtimeSecret: "bench-secret-bench-secret",
  omnifySecret: "bench-secret-bench-secret",
};
const handle = createTrpcFetchHandler({ db, mailer: createLogMailer(config), config });

const server = createServer(async (req, res) => {
  const url = `http://${req.headers.host}${req.url}`;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
  }
  const token = headers.get("x-bench-session");
  const response = await handle(new Request(url, { method: req.method, headers }), token);
  res.writeHead(response.status, { "content-type": "application/json" });
  res.end(Buffer.from(await response.arrayBuffer()));
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("SIGTERM", () => {
  server.close();
  void db.close().then(() => process.exit(0));
});
