import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import {
  type BuiltBundle,
  buildServerBundle,
  type HostSinks,
  type LookupAll,
} from "../src/index.ts";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const built = new Map<string, Promise<BuiltBundle>>();

/** Bundles `fixtures/<name>/plugin.ts` once per test file. */
export function fixtureBundle(name: string): Promise<BuiltBundle> {
  let b = built.get(name);
  if (!b) {
    b = buildServerBundle(`${fixtures}${name}/plugin.ts`, { root: `${fixtures}${name}` });
    built.set(name, b);
  }
  return b;
}

/**
 * Runs `support/<script>` in its own Node with --no-node-snapshot (isolated-vm needs it; the
 * test runner's processes lack it), the bundles as JSON on stdin; resolves to its JSON output.
 */
export function runChild<T>(script: string, bundles: Record<string, BuiltBundle>): Promise<T> {
  const file = fileURLToPath(new URL(`./support/${script}`, import.meta.url));
  return new Promise<T>((resolve, reject) => {
    const p = execFile(
      process.execPath,
      ["--no-node-snapshot", "--disable-warning=ExperimentalWarning", file],
      { maxBuffer: 10_000_000, timeout: 60_000 },
      (err, stdout, stderr) =>
        err
          ? reject(new Error(`${err.message} (code ${err.code}, signal ${err.signal})\n${stderr}`))
          : resolve(JSON.parse(stdout) as T),
    );
    p.stdin?.end(JSON.stringify(bundles));
  });
}

/** A DNS that answers public-looking names with private addresses, as an attacker's would. */
export const hostileLookup: LookupAll = async (hostname) => {
  const table: Record<string, { address: string; family: number }[]> = {
    "upstream.example.test": [{ address: "127.0.0.1", family: 4 }],
    "evil.example.test": [{ address: "127.0.0.1", family: 4 }],
    "metadata.example.test": [{ address: "169.254.169.254", family: 4 }],
    "intranet.example.test": [{ address: "10.0.0.1", family: 4 }],
    "loopback6.example.test": [{ address: "::1", family: 6 }],
    "mapped.example.test": [{ address: "::ffff:127.0.0.1", family: 6 }],
    "mixed.example.test": [
      { address: "93.184.215.14", family: 4 },
      { address: "192.168.1.1", family: 4 },
    ],
  };
  const answer = table[hostname];
  if (!answer) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return answer;
};

/** Records what reached each sink, with the tenant the host attached. */
export function recordingSinks() {
  const seen: { sink: string; record: Record<string, unknown> }[] = [];
  const push = (sink: string) => async (record: object) => {
    seen.push({ sink, record: record as Record<string, unknown> });
  };
  const sinks: HostSinks = {
    log: (e) => seen.push({ sink: "log", record: e }),
    emitEvent: push("event"),
    publishRealtime: push("realtime"),
    recordMeter: push("meter"),
    enqueueJob: async (j) => {
      seen.push({ sink: "job", record: j });
      return { id: `job-${seen.length}` };
    },
    query: async () => ({ rows: [] }),
    claimDevice: async (d) => {
      seen.push({ sink: "claimDevice", record: d });
      return { deviceId: "00000000-0000-4000-8000-000000000001" };
    },
    revokeDevice: push("revokeDevice"),
    listDevices: async (d) => {
      seen.push({ sink: "listDevices", record: d });
      return [];
    },
    statObject: async (o) => {
      seen.push({ sink: "statObject", record: o });
      return null;
    },
    objectUrl: async (o) => {
      seen.push({ sink: "objectUrl", record: o });
      return `/api/plugin-files/${o.tenantId}/${o.pluginId}/${o.key}?sig=x`;
    },
    putObject: async (o) => {
      seen.push({ sink: "putObject", record: o });
      return { key: o.key, size: o.bytes.length, sha256: "0".repeat(64) };
    },
    deleteObject: push("deleteObject"),
  };
  return { seen, sinks };
}

export type Upstream = {
  port: number;
  requests: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[];
  close(): Promise<void>;
};

/** A fake upstream on 127.0.0.1 that echoes requests; `/api/redirect?to=` redirects, `/api/big` is large. */
export async function startUpstream(): Promise<Upstream> {
  const requests: Upstream["requests"] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const url = new URL(req.url ?? "/", "http://x");
      if (url.pathname === "/api/redirect") {
        res.writeHead(302, { location: url.searchParams.get("to") ?? "/" }).end();
      } else if (url.pathname === "/api/big") {
        res.end(JSON.stringify("y".repeat(3_000_000)));
      } else {
        res.setHeader("content-type", "application/json");
        res.end(
          JSON.stringify({ method: req.method, path: url.pathname, headers: req.headers, body }),
        );
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { port, requests, close: () => new Promise((r) => server.close(() => r())) };
}
