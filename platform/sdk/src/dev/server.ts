import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { InvocationKind, LocalHost } from "../testing/local-host.ts";

const ROUTES: Record<string, { kind: InvocationKind; name: string }> = {
  "/call": { kind: "procedure", name: "procedure" },
  "/event": { kind: "event", name: "type" },
  "/job": { kind: "job", name: "jobId" },
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body = "";
  for await (const chunk of req) body += chunk;
  const parsed = JSON.parse(body || "{}") as unknown;
  if (!parsed || typeof parsed !== "object") throw new Error("the body must be a JSON object");
  return parsed as Record<string, unknown>;
}

/**
 * `POST /call { tenantId, procedure, input }`, `POST /event { tenantId, type, payload }`,
 * `POST /job { tenantId, jobId, payload }` → `{ ok, value | error }`; `GET /recorded`.
 * Loopback only: it calls the plugin as any tenant, which is the point in development.
 */
export async function serveDevApi(
  host: LocalHost,
  port: number,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(`${JSON.stringify(body, null, 2)}\n`);
    };
    try {
      if (req.method === "GET" && req.url === "/recorded") return send(200, host.recorded);
      const route = ROUTES[req.url ?? ""];
      if (req.method !== "POST" || !route)
        return send(404, {
          ok: false,
          error: { code: "not_found", message: "POST /call, /event or /job; GET /recorded" },
        });
      const body = await readJson(req);
      const tenant = typeof body.tenantId === "string" ? body.tenantId : "dev-tenant";
      const name = body[route.name];
      if (typeof name !== "string")
        return send(400, {
          ok: false,
          error: { code: "bad_request", message: `'${route.name}' is required` },
        });
      const value = await host.invoke(tenant, route.kind, name, body.input ?? body.payload ?? null);
      send(200, { ok: true, value });
    } catch (e) {
      const err = e as { pluginCode?: string; code?: string; message?: string };
      send(400, {
        ok: false,
        error: { code: err.pluginCode ?? err.code ?? "error", message: err.message ?? String(e) },
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}`, server };
}
