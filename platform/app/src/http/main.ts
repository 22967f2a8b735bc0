import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import next from "next";
import { clientAddressResolver, pinClientAddress } from "./client-address";

/**
 * The web process: Next's production request handler behind a plain HTTP server that
 * owns the socket, so the client address is decided here (see client-address.ts) rather
 * than taken from a header any client can send. Replaces `next start`.
 */
const appDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
const port = Number(process.env.PORT ?? 3000);
const resolveClient = clientAddressResolver(process.env.OMNIFY_TRUSTED_PROXIES);

const app = next({ dev: false, dir: appDir, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  pinClientAddress(req, resolveClient);
  void handle(req, res);
});
server.listen(port, () => console.log(`web listening on :${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
