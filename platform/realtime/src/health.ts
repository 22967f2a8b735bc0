import type { IncomingMessage, ServerResponse } from "node:http";

/** Plain HTTP next to socket.io: /healthz for the launcher and load balancers, 404 elsewhere. */
export function httpHandler(isReady: () => boolean) {
  return (req: IncomingMessage, res: ServerResponse) => {
    // socket.io answers its own path before this handler runs.
    if (req.url === "/healthz" || req.url?.startsWith("/healthz?")) {
      const ok = isReady();
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok }));
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  };
}
