import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  claimDevice,
  createLocalStorage,
  pluginFileUrl,
  pollDevicePairing,
  revokeDevice,
  startDevicePairing,
  verifyRealtimeToken,
} from "@omnify/core";
import type { PluginRuntimeClient, RuntimeInvoke } from "@omnify/plugin-runtime/client";
import { beforeAll, describe, expect, it } from "vitest";
import { insertCatalogVersion } from "../../core/test/plugin-catalog";
import {
  createDeviceHandlers,
  createDevicePairingHandlers,
  createPluginFileHandler,
  createPluginUploadHandler,
} from "../src/index";
import { apiConfig, REALTIME_SECRET, setupApi } from "./harness";

const api = setupApi();
const s = api.world;
const PLUGIN = "screens-fixture";
const HOST = "alpha.omnify.test";
const media = (name: string) =>
  readFileSync(new URL(`../../core/test/fixtures/media/${name}`, import.meta.url));
const storage = createLocalStorage(mkdtempSync(join(tmpdir(), "omnify-api-storage-")));

beforeAll(async () => {
  await insertCatalogVersion(s.t.admin, {
    pluginId: PLUGIN,
    version: "1.0.0",
    hostApi: "^1.1.0",
    capabilities: {
      devices: { procedures: ["screen.ping"] },
      // 12 KB: every fixture fits; the oversize test sends more.
      storage: { accept: ["image/png", "video/mp4"], maxObjectMb: 12 / 1024 },
    },
    handlers: { procedures: ["screen.ping", "admin.only"], events: [], jobs: [] },
  });
  for (const tenantId of [s.w.alpha, s.w.beta])
    await s.t.admin`insert into plugin_installations
      (tenant_id, plugin_id, version, status, consented_capabilities)
      values (${tenantId}, ${PLUGIN}, '1.0.0', 'enabled', '{}')`;
});

describe("plugin uploads and signed files", () => {
  // Built per call: the world's database exists only once beforeAll has run.
  const upload = (req: Request, r: Parameters<ReturnType<typeof createPluginUploadHandler>>[1]) =>
    createPluginUploadHandler({ db: s.t.app, storage, config: apiConfig })(req, r);
  const files = (req: Request, segments: string[]) =>
    createPluginFileHandler({ db: s.t.app, storage, omnifySecret: apiConfig.omnifySecret })(
      req,
      segments,
    );

  async function send(file: Buffer | null, opts: { csrf?: boolean; signedIn?: boolean } = {}) {
    const form = new FormData();
    if (file) form.set("file", new Blob([new Uint8Array(file)]), "upload.bin");
    const req = new Request(`https://${HOST}/api/plugins/${PLUGIN}/uploads`, {
      method: "POST",
      headers: {
        host: HOST,
        origin: `https://${HOST}`,
        ...(opts.csrf === false ? {} : { "x-omnify-csrf": "1" }),
      },
      body: form,
    });
    const sessionToken =
      opts.signedIn === false ? null : await api.signIn(s.w.alpha, s.w.users.member.id);
    return upload(req, { tenant: s.alpha, sessionToken, pluginId: PLUGIN });
  }
  const fetchFile = (path: string, headers: Record<string, string> = {}) =>
    files(new Request(`https://${HOST}${path}`, { headers }), pathSegments(path));
  const pathSegments = (path: string) =>
    new URL(path, "https://x").pathname.replace("/api/plugin-files/", "").split("/");

  it("stores a PNG under its content hash with probed facts, served by a signed URL", async () => {
    const png = media("still-64x48.png");
    const res = await send(png);
    expect(res.status).toBe(201);
    const stored = await res.json();
    expect(stored).toMatchObject({
      contentType: "image/png",
      width: 64,
      height: 48,
      size: png.length,
    });
    expect(stored.key).toBe(`${stored.sha256}.png`);

    const url = pluginFileUrl(apiConfig.omnifySecret, {
      tenantId: s.w.alpha,
      pluginId: PLUGIN,
      key: stored.key,
    });
    const got = await fetchFile(url);
    expect(got.status).toBe(200);
    expect(got.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await got.arrayBuffer()).equals(png)).toBe(true);

    // Another tenant's validly signed URL for the same key finds nothing: RLS, not the path.
    const beta = pluginFileUrl(apiConfig.omnifySecret, {
      tenantId: s.w.beta,
      pluginId: PLUGIN,
      key: stored.key,
    });
    expect((await fetchFile(beta)).status).toBe(404);
  });

  it("answers a Range request for video with 206 and the slice", async () => {
    const mp4 = media("clip-320x180-2s.mp4");
    const stored = await (await send(mp4)).json();
    expect(stored).toMatchObject({ contentType: "video/mp4", width: 320, height: 180 });
    expect(stored.durationMs).toBeGreaterThan(1900);
    const url = pluginFileUrl(apiConfig.omnifySecret, {
      tenantId: s.w.alpha,
      pluginId: PLUGIN,
      key: stored.key,
    });
    const part = await fetchFile(url, { range: "bytes=100-199" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 100-199/${mp4.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(mp4.subarray(100, 200))).toBe(true);
    expect((await fetchFile(url, { range: `bytes=${mp4.length}-` })).status).toBe(416);
  });

  it("refuses a tampered or re-targeted signature with 403", async () => {
    const stored = await (await send(media("still-64x48.png"))).json();
    const url = pluginFileUrl(apiConfig.omnifySecret, {
      tenantId: s.w.alpha,
      pluginId: PLUGIN,
      key: stored.key,
    });
    const tampered = url.replace(/sig=(.)/, (_m, c: string) => `sig=${c === "A" ? "B" : "A"}`);
    expect((await fetchFile(tampered)).status).toBe(403);
    const otherKey = url.replace(stored.key, `${"0".repeat(64)}.png`);
    expect((await fetchFile(otherKey)).status).toBe(403);
  });

  it.each([
    ["a type the plugin does not accept", media("still-32x32.gif"), /image\/gif/],
    ["bytes that are no image at all", Buffer.from("<svg onload=alert(1)>"), /not a recognised/],
    ["a file over maxObjectMb", Buffer.alloc(13 * 1024, 1), /larger than/],
  ])("answers %s with 400 naming the file", async (_label, bytes, message) => {
    const res = await send(bytes);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.field).toBe("file");
    expect(body.error.message).toMatch(message);
  });

  it("requires the CSRF header and a signed-in member", async () => {
    expect((await send(media("still-64x48.png"), { csrf: false })).status).toBe(403);
    expect((await send(media("still-64x48.png"), { signedIn: false })).status).toBe(401);
  });
});

describe("device routes", () => {
  const calls: RuntimeInvoke[] = [];
  const runtime: PluginRuntimeClient = {
    invoke: async (req) => {
      calls.push(req);
      return { ok: true, value: { pong: true, caller: req.caller } };
    },
    purge: async () => ({ ok: true, value: null }),
    health: async () => ({ ok: true, hostApi: "1.1.0" }),
    stats: async () => ({}),
  };
  const devices = () =>
    createDeviceHandlers({
      db: s.t.app,
      pluginRuntime: runtime,
      realtimeSecret: REALTIME_SECRET,
      realtimeUrl: apiConfig.realtimeUrl,
    });

  async function pairedScreen() {
    const started = await startDevicePairing(s.t.app);
    const { deviceId } = await s.t.app.withTenant(s.w.alpha, (tx) =>
      claimDevice(tx, {
        tenantId: s.w.alpha,
        code: started.code,
        name: "Lobby",
        actorUserId: null,
      }),
    );
    const polled = await pollDevicePairing(s.t.app, started);
    if (polled.status !== "paired") throw new Error("not paired");
    return { deviceId, token: polled.token };
  }
  const post = (path: string, token: string, body: unknown = {}) =>
    new Request(`https://${HOST}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const invoke = (token: string, procedure: string) =>
    devices().invoke(
      post("/api/devices/invoke", token, { pluginId: PLUGIN, procedure, input: {} }),
    );

  it("runs a listed procedure as the device, refuses others with 403", async () => {
    const { deviceId, token } = await pairedScreen();
    const ok = await invoke(token, "screen.ping");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ pong: true, caller: { kind: "device", deviceId } });
    expect(calls.at(-1)).toMatchObject({
      tenantId: s.w.alpha,
      pluginId: PLUGIN,
      name: "screen.ping",
    });

    const refused = await invoke(token, "admin.only");
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.field).toBe("procedure");
    expect(calls.at(-1)?.name).toBe("screen.ping");
  });

  it("answers a revoked screen with 401 and a message it can show", async () => {
    const { deviceId, token } = await pairedScreen();
    await s.t.app.withTenant(s.w.alpha, (tx) => revokeDevice(tx, deviceId, { actorUserId: null }));
    for (const res of [
      await invoke(token, "screen.ping"),
      await devices().realtimeToken(post("/api/devices/realtime-token", token)),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.message).toBe("This screen was removed from its workspace");
    }
    expect((await invoke("garbage", "screen.ping")).status).toBe(401);
  });

  it("mints a realtime token for the device's own room", async () => {
    const { deviceId, token } = await pairedScreen();
    const res = await devices().realtimeToken(post("/api/devices/realtime-token", token));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.url).toBe(apiConfig.realtimeUrl);
    expect(typeof body.serverTime).toBe("number");
    expect(verifyRealtimeToken(body.token, REALTIME_SECRET)).toMatchObject({
      tenantId: s.w.alpha,
      deviceId,
    });
  });

  it("rate-limits pairing codes per client address", async () => {
    const pairing = createDevicePairingHandlers(s.t.app, {
      pairLimit: { limit: 2, windowSeconds: 3600 },
    });
    const ip = "203.0.113.7";
    expect((await pairing.pair({ ip })).status).toBe(201);
    expect((await pairing.pair({ ip })).status).toBe(201);
    const refused = await pairing.pair({ ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe("RATE_LIMITED");
    expect((await pairing.pair({ ip: "203.0.113.8" })).status).toBe(201);
  });
});
