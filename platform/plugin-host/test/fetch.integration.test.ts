import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BuiltBundle,
  createHostApi,
  createPluginHostPool,
  type PluginHostPool,
} from "../src/index.ts";
import {
  fixtureBundle,
  hostileLookup,
  recordingSinks,
  startUpstream,
  type Upstream,
} from "./helpers.ts";

const SECRET = "sk_test_secret-value-123";
let pool: PluginHostPool;
let hello: BuiltBundle;
let upstream: Upstream;
const fetchVia = (input: Record<string, unknown>, tenantId = "tenant-f") =>
  pool.invoke({
    tenantId,
    pluginId: "hello",
    version: "1.0.0",
    bundle: hello,
    kind: "procedure",
    name: "upstream",
    input,
    settings: { upstreamPort: upstream.port },
  });

beforeAll(async () => {
  [hello, upstream] = await Promise.all([fixtureBundle("hello"), startUpstream()]);
  const { sinks } = recordingSinks();
  const hostApi = createHostApi({
    sinks,
    environment: "test",
    // The fake upstream lives on 127.0.0.1, so this pool (and only this one) may reach it.
    fetch: {
      lookup: hostileLookup,
      dangerouslyAllowPrivateNetworksForTests: true,
      maxResponseBytes: 1_000_000,
    },
    getSecret: async (tenantId, pluginId, name) =>
      tenantId === "tenant-f" && pluginId === "hello" && name === "apiKey" ? SECRET : undefined,
  });
  pool = createPluginHostPool({ processes: 1, hostApi });
});
afterAll(async () => {
  await pool.close();
  await upstream.close();
});

describe("host fetch", () => {
  it("reaches an allow-listed upstream with the plugin's request", async () => {
    const out = (await fetchVia({ path: "/api/echo" })) as {
      status: number;
      body: { method: string; body: string; headers: Record<string, string> };
    };
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ method: "POST", body: '{"hello":"upstream"}' });
    expect(out.body.headers["content-type"]).toBe("application/json");
    expect(out.body.headers.authorization).toBeUndefined();
  });

  it("injects a named secret on the host side and redacts any echo of it", async () => {
    const out = (await fetchVia({ path: "/api/echo", withSecret: true })) as {
      body: { headers: Record<string, string> };
    };
    expect(upstream.requests.at(-1)?.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(out.body.headers.authorization).toBe("Bearer [redacted]");
    expect(JSON.stringify(out)).not.toContain(SECRET);
  });

  it("fails clearly when the installation has no value for the secret", async () => {
    await expect(
      fetchVia({ path: "/api/echo", withSecret: true }, "tenant-without-secret"),
    ).rejects.toThrow(/secret 'apiKey' is not set for this installation/);
  });

  it("re-checks redirects against the allow-list and drops the secret across origins", async () => {
    const to = `http://evil.example.test:${upstream.port}/api/echo`;
    await expect(
      fetchVia({ path: `/api/redirect?to=${encodeURIComponent(to)}`, withSecret: true }),
    ).rejects.toThrow(
      /GET http:\/\/evil\.example\.test:\d+\/api\/echo is not in capabilities.http.allow/,
    );
    const same = (await fetchVia({ path: "/api/redirect?to=/api/after" })) as {
      redirected: boolean;
      body: { path: string; method: string };
    };
    expect(same).toMatchObject({ redirected: true, body: { path: "/api/after", method: "GET" } });
  });

  it("refuses hosts and paths outside the allow-list", async () => {
    await expect(fetchVia({ path: "/admin" })).rejects.toThrow(
      /POST http:\/\/upstream\.example\.test:\d+\/admin is not in/,
    );
    await expect(fetchVia({ path: "/api/x", host: "evil.example.test" })).rejects.toThrow(
      /is not in capabilities.http.allow/,
    );
    await expect(fetchVia({ path: "/api/../admin" })).rejects.toThrow(/\/admin is not in/);
  });

  it("caps the response size", async () => {
    await expect(fetchVia({ path: "/api/big" })).rejects.toThrow(
      /response is larger than 1000000 bytes/,
    );
  });
});
