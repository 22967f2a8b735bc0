import type { HostApiError, PluginDescriptor } from "@omnify/plugin-sdk";
import { describe, expect, it } from "vitest";
import {
  addressRange,
  createHostApi,
  createPluginLogger,
  isAllowed,
  type PluginLogEntry,
} from "../src/index.ts";
import { recordingSinks } from "./helpers.ts";

const manifest = (capabilities: PluginDescriptor["capabilities"]): PluginDescriptor => ({
  id: "p",
  version: "1.0.0",
  hostApi: "^1.0.0",
  name: "P",
  description: "",
  capabilities,
  settingsForm: [],
  handlers: { procedures: [], events: [], jobs: ["sync"] },
});
const ctx = (capabilities: PluginDescriptor["capabilities"] = {}) => ({
  tenantId: "t",
  pluginId: "p",
  version: "1.0.0",
  manifest: manifest(capabilities),
});

describe("allow-list", () => {
  const m = manifest({
    http: {
      allow: [
        { url: "https://*.example.com/v1/**", methods: ["GET"] },
        { url: "http://local.test:*/api/**", methods: ["POST"] },
      ],
    },
  });
  it.each([
    ["https://api.example.com/v1/users", "GET", true],
    ["https://api.example.com/v1/users", "POST", false],
    ["https://a.b.example.com/v1/x", "GET", false],
    ["https://api.example.com/v2/x", "GET", false],
    ["https://api.example.com/v1/../admin", "GET", false],
    ["https://api.example.com:8443/v1/x", "GET", false],
    ["http://api.example.com/v1/x", "GET", false],
    ["https://example.com.evil.test/v1/x", "GET", false],
    ["http://local.test:4123/api/x", "POST", true],
  ])("%s %s → %s", (url, method, allowed) => {
    expect(isAllowed(m, new URL(url), method)).toBe(allowed);
  });
});

describe("address ranges", () => {
  it.each([
    ["93.184.215.14", "unicast"],
    ["2606:4700::1111", "unicast"],
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.0.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["fc00::1", "uniqueLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
  ])("%s is %s", (address, range) => expect(addressRange(address)).toBe(range));
});

describe("createHostApi", () => {
  it("answers 'not available' for a method without a sink", async () => {
    const api = createHostApi();
    await expect(
      api(ctx({ db: { migrations: true } }), "db.query", {
        sql: "select 1",
        params: [],
        method: "all",
      }),
    ).rejects.toThrow(/db is not available/);
    await expect(
      api(ctx({ events: { emit: ["e"] } }), "events.emit", { type: "e", payload: null }),
    ).rejects.toThrow(/events.emit is not available/);
  });

  it("re-validates arguments and refuses unknown methods", async () => {
    const api = createHostApi();
    await expect(
      api(ctx(), "meter", { name: "m", quantity: -1, idempotencyKey: "k" }),
    ).rejects.toThrow(/meter: quantity/);
    await expect(api(ctx(), "process.exit", {})).rejects.toThrow(
      /unknown host method 'process.exit'/,
    );
    await expect(
      api(ctx(), "fetch", { url: "https://x.test/", method: "GET", headers: {} }),
    ).rejects.toThrow(/capabilities.http is not declared/);
  });

  it("refuses the test-only private-network switch outside tests", () => {
    expect(() =>
      createHostApi({ fetch: { dangerouslyAllowPrivateNetworksForTests: true } }),
    ).toThrow(/only allowed with environment: 'test'/);
    expect(() =>
      createHostApi({
        environment: "production",
        fetch: { dangerouslyAllowPrivateNetworksForTests: true },
      }),
    ).toThrow();
  });
});

describe("devices and storage capabilities", () => {
  const storage = { accept: ["image/png"], maxObjectMb: 1 };
  const api = () => {
    const r = recordingSinks();
    return { ...r, api: createHostApi({ sinks: r.sinks }) };
  };
  const code = (p: Promise<unknown>) =>
    p.then(
      () => "resolved",
      (e: HostApiError) => e.code,
    );

  it("refuses devices and storage calls when the manifest does not declare them", async () => {
    const { api: call, seen } = api();
    expect(await code(call(ctx(), "devices.list", {}))).toBe("capability");
    expect(await code(call(ctx(), "devices.claim", { code: "ABCD2345", name: "Lobby" }))).toBe(
      "capability",
    );
    expect(await code(call(ctx(), "storage.stat", { key: "a.png" }))).toBe("capability");
    expect(await code(call(ctx(), "storage.url", { key: "a.png" }))).toBe("capability");
    expect(seen).toEqual([]);
  });

  it("passes the invocation's tenant and plugin to the sinks, never the plugin's", async () => {
    const { api: call, seen } = api();
    const c = ctx({ devices: { procedures: [] }, storage });
    await call(c, "devices.claim", { code: "ABCD2345", name: "Lobby" });
    await call(c, "storage.stat", { key: "creatives/a.png" });
    expect(seen.map((s) => [s.sink, s.record.tenantId, s.record.pluginId])).toEqual([
      ["claimDevice", "t", "p"],
      ["statObject", "t", "p"],
    ]);
  });

  it.each([
    "../other-plugin/x.png",
    "a/../../b.png",
    "..",
    ".hidden",
    "/etc/passwd",
    "a//b",
    "a\\b",
    "a/b/c/d/e/f/g/h/i",
    "",
  ])("refuses the storage key %j", async (key) => {
    const { api: call, seen } = api();
    const c = ctx({ storage });
    expect(await code(call(c, "storage.stat", { key }))).toBe("bad_request");
    expect(await code(call(c, "storage.delete", { key }))).toBe("bad_request");
    expect(seen).toEqual([]);
  });

  it("puts only declared types within maxObjectMb", async () => {
    const { api: call, seen } = api();
    const c = ctx({ storage });
    const small = Buffer.from("png bytes").toString("base64");
    const big = Buffer.alloc(1024 * 1024 + 1).toString("base64");
    expect(
      await code(call(c, "storage.put", { key: "x.gif", base64: small, contentType: "image/gif" })),
    ).toBe("capability");
    expect(
      await code(call(c, "storage.put", { key: "x.png", base64: big, contentType: "image/png" })),
    ).toBe("too_large");
    expect(
      await call(c, "storage.put", { key: "x.png", base64: small, contentType: "image/png" }),
    ).toMatchObject({ key: "x.png", size: 9 });
    expect(seen.map((s) => s.sink)).toEqual(["putObject"]);
  });

  it("publishes to a device only with a device id the host validated", async () => {
    const { api: call, seen } = api();
    const c = ctx({ realtime: { channels: ["schedule"] } });
    const deviceId = "00000000-0000-4000-8000-000000000002";
    await call(c, "realtime.publish", { channel: "schedule", payload: { v: 1 }, deviceId });
    expect(seen[0]?.record).toMatchObject({ tenantId: "t", channel: "schedule", deviceId });
    expect(
      await code(
        call(c, "realtime.publish", { channel: "schedule", payload: null, deviceId: "room:x" }),
      ),
    ).toBe("bad_request");
  });
});

describe("plugin logger", () => {
  it("rate-limits per tenant and plugin and reports what it dropped", () => {
    const out: PluginLogEntry[] = [];
    const log = createPluginLogger((e) => out.push(e), { linesPerWindow: 2, windowMs: 1000 });
    const line = {
      level: "info" as const,
      tenantId: "t",
      pluginId: "p",
      version: "1",
      message: "x".repeat(5000),
    };
    for (let i = 0; i < 5; i++) log(line, 0);
    log({ ...line, tenantId: "other" }, 0);
    log(line, 1000);
    expect(out.map((e) => [e.tenantId, e.dropped])).toEqual([
      ["t", undefined],
      ["t", undefined],
      ["other", undefined],
      ["t", 3],
    ]);
    expect(out[0]?.message).toHaveLength(2000);
  });
});

describe("meter", () => {
  it("passes a unique meter's subject to the sink and refuses an empty one", async () => {
    const { sinks, seen } = recordingSinks();
    const call = createHostApi({ sinks });
    const c = ctx({ meters: [{ name: "visitors", aggregation: "unique" }] });
    await call(c, "meter", { name: "visitors", quantity: 1, idempotencyKey: "v1", subject: "u1" });
    expect(seen.map((s) => [s.sink, s.record.subject, s.record.aggregation])).toEqual([
      ["meter", "u1", "unique"],
    ]);
    await expect(
      call(c, "meter", { name: "visitors", quantity: 1, idempotencyKey: "v2", subject: "" }),
    ).rejects.toThrow(/meter: subject/);
  });
});
