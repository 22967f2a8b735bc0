import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json(): unknown;
};
export type FakeResponse = {
  status?: number;
  headers?: Record<string, string>;
  json?: unknown;
  body?: string;
};
export type FakeUpstream = {
  /** `http://127.0.0.1:<port>`: map a real origin to it with `fetch.upstreams`. */
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
};

/**
 * A local HTTP server standing in for a third-party API. It records every request (headers
 * included, so a test can see the secret the host injected) and answers with `respond`.
 */
export async function fakeUpstream(
  respond: (req: FakeRequest) => FakeResponse | Promise<FakeResponse> = () => ({ json: {} }),
): Promise<FakeUpstream> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => {
      body += c.toString("utf8");
    });
    req.on("end", async () => {
      const r: FakeRequest = {
        method: req.method ?? "GET",
        path: req.url ?? "/",
        headers: req.headers,
        body,
        json: () => JSON.parse(body),
      };
      requests.push(r);
      try {
        const out = await respond(r);
        const headers = { ...out.headers };
        if (out.json !== undefined) headers["content-type"] ??= "application/json";
        res.writeHead(out.status ?? 200, headers);
        res.end(out.json !== undefined ? JSON.stringify(out.json) : (out.body ?? ""));
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
