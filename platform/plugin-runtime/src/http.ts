import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { HOST_API_VERSION } from "@omnify/plugin-host";
import type { RuntimeService } from "./service";

const MAX_BODY = 2_000_000;

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function authorized(req: IncomingMessage, token: string): boolean {
  const given = Buffer.from(req.headers.authorization ?? "");
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error("body too large");
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
}

/**
 * The internal API: loopback only, every route behind the bearer token derived from
 * OMNIFY_SECRET (`/healthz` included, so nothing about the service leaks unauthenticated).
 */
export function createRuntimeHttpServer(service: RuntimeService, token: string): Server {
  return createServer(async (req, res) => {
    if (!authorized(req, token))
      return send(res, 401, { ok: false, error: { code: "unauthorized", message: "bad token" } });
    try {
      const route = `${req.method} ${req.url}`;
      if (route === "GET /healthz") return send(res, 200, { ok: true, hostApi: HOST_API_VERSION });
      if (route === "GET /stats") return send(res, 200, await service.stats());
      if (route === "POST /invoke")
        return send(res, 200, await service.invoke(await readJson(req)));
      if (route === "POST /purge") return send(res, 200, await service.purge(await readJson(req)));
      return send(res, 404, { ok: false, error: { code: "not_found", message: route } });
    } catch (error) {
      return send(res, 400, {
        ok: false,
        error: {
          code: "bad_request",
          message: error instanceof Error ? error.message : "bad request",
        },
      });
    }
  });
}

/** Listens on 127.0.0.1 only; resolves to the bound port (0 picks a free one). */
export function listenLoopback(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
