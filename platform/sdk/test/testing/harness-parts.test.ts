import type { HostCallContext } from "@omnify/plugin-host";
import { describe, expect, it } from "vitest";
import type { PluginDescriptor } from "../../src/define-plugin.ts";
import { TenantMap } from "../../src/testing/tenants.ts";
import { routeUpstreams } from "../../src/testing/upstreams.ts";

const manifest = {
  id: "p",
  capabilities: {
    http: {
      allow: [
        { url: "https://api.short.io/links", methods: ["POST"] },
        { url: "https://api.short.io.evil.test/**", methods: ["GET"] },
        { url: "https://other.example.com/**", methods: ["GET"] },
      ],
    },
  },
} as unknown as PluginDescriptor;
const ctx: HostCallContext = { tenantId: "t", pluginId: "p", version: "1.0.0", manifest };

function recordingInner() {
  const seen: { ctx: HostCallContext; method: string; args: unknown }[] = [];
  const inner = async (c: HostCallContext, method: string, args: unknown) => {
    seen.push({ ctx: c, method, args });
    return { status: 200, url: (args as { url?: string }).url ?? "" };
  };
  return { seen, inner };
}

describe("routeUpstreams (test-only fake upstreams)", () => {
  it("rewrites the URL and that origin's allow rules only, and maps the response URL back", async () => {
    const { seen, inner } = recordingInner();
    const api = routeUpstreams(inner, { "https://api.short.io": "http://127.0.0.1:5555" });
    const out = await api(ctx, "fetch", { url: "https://api.short.io/links?x=1", method: "POST" });
    expect(seen[0]?.args).toEqual({ url: "http://127.0.0.1:5555/links?x=1", method: "POST" });
    expect(seen[0]?.ctx.manifest.capabilities.http?.allow).toEqual([
      { url: "http://127.0.0.1:5555/links", methods: ["POST"] },
      { url: "https://api.short.io.evil.test/**", methods: ["GET"] },
      { url: "https://other.example.com/**", methods: ["GET"] },
    ]);
    expect(out).toEqual({ status: 200, url: "https://api.short.io/links?x=1" });
    expect(manifest.capabilities.http?.allow[0]?.url).toBe("https://api.short.io/links");
  });

  it("passes other origins, look-alike hosts and other methods through untouched", async () => {
    const { seen, inner } = recordingInner();
    const api = routeUpstreams(inner, { "https://api.short.io": "http://127.0.0.1:5555" });
    await api(ctx, "fetch", { url: "https://api.short.io.evil.test/x", method: "GET" });
    await api(ctx, "log", { level: "info", message: "m" });
    expect(seen.map((s) => s.ctx.manifest)).toEqual([manifest, manifest]);
    expect(seen[0]?.args).toEqual({ url: "https://api.short.io.evil.test/x", method: "GET" });
  });
});

describe("TenantMap", () => {
  it("maps labels to stable UUIDs and back, and keeps real UUIDs", () => {
    const a = new TenantMap();
    const b = new TenantMap();
    const id = a.id("t1");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(b.id("t1")).toBe(id);
    expect(a.id("t2")).not.toBe(id);
    expect(a.label(id)).toBe("t1");
    const real = "0b0e8f3c-6a3f-4d55-9a51-4f2f0c6a9b10";
    expect(a.id(real)).toBe(real);
    expect(a.label("unknown-id")).toBe("unknown-id");
  });
});
