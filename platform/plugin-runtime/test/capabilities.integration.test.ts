import { installPlugin, startDevicePairing, verifyPluginFileSignature } from "@omnify/core";
import { beforeAll, describe, expect, it } from "vitest";
import { collectEvents } from "../../core/test/helpers";
import { createPluginRuntimeClient } from "../src/client";
import { ECHO_CAPS, RUNTIME_SECRET, setupRuntimeWorld } from "./world";

const s = setupRuntimeWorld();
// A second tenant with the plugin enabled, so "other tenants" are refused by isolation, not
// merely by a missing installation.
beforeAll(async () => {
  await installPlugin(s.t.app, {
    tenantId: s.w.beta,
    actor: { userId: s.w.users.betaUser.id, role: "agency_owner" },
    pluginId: "rt-echo",
    version: "1.0.0",
    consentedCapabilities: ECHO_CAPS,
    hostApiVersion: "1.0.0",
  });
});
const call = async (tenantId: string, name: string, input?: unknown) =>
  createPluginRuntimeClient({ url: s.runtime.url, token: s.runtime.token }).invoke({
    tenantId,
    pluginId: "rt-echo",
    kind: "procedure",
    name,
    input,
  });
const value = async (tenantId: string, name: string, input?: unknown) => {
  const r = await call(tenantId, name, input);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as never;
};

describe("ctx.devices through the runtime (core's pairing)", () => {
  it("claims a screen for the invocation's tenant once; other tenants never see it", async () => {
    const { code } = await startDevicePairing(s.t.app);
    const { deviceId } = await value(s.w.alpha, "pair", { code, name: "Lobby" });
    expect(await value(s.w.alpha, "screens")).toEqual([
      expect.objectContaining({ id: deviceId, name: "Lobby", revokedAt: null }),
    ]);
    expect(await value(s.w.beta, "screens")).toEqual([]);

    const again = await call(s.w.beta, "pair", { code, name: "Stolen" });
    expect(again).toMatchObject({ ok: false });
    expect(again.ok ? "" : again.error.message).toMatch(/^code: That code was already used/);

    // Beta can neither push to nor remove alpha's screen.
    expect(await call(s.w.beta, "pushScreen", { deviceId })).toMatchObject({ ok: false });
    expect(await call(s.w.beta, "unpair", { deviceId })).toMatchObject({ ok: false });

    const events = await collectEvents(s.t.app, async () => {
      await value(s.w.alpha, "pushScreen", { deviceId });
    });
    expect(events).toContainEqual(
      expect.objectContaining({ tenantId: s.w.alpha, type: "plugin.rt-echo.pings", deviceId }),
    );
    await value(s.w.alpha, "unpair", { deviceId });
    expect(await value(s.w.alpha, "screens")).toEqual([
      expect.objectContaining({ id: deviceId, revokedAt: expect.any(String) }),
    ]);
    // The audit log says which plugin paired and unpaired the screen.
    const audit = await s.t.admin<{ action: string; actor_label: string | null }[]>`
      select action, actor_label from audit_log
      where tenant_id = ${s.w.alpha} and target_id = ${deviceId} order by occurred_at`;
    expect(audit).toEqual([
      { action: "device.paired", actor_label: "plugin rt-echo" },
      { action: "device.revoked", actor_label: "plugin rt-echo" },
    ]);
  });
});

describe("ctx.storage through the runtime (core's object storage)", () => {
  it("stores per tenant, signs the URL for that tenant, and refuses keys that climb out", async () => {
    const stored = await value(s.w.alpha, "store", {
      key: "notes/hello.txt",
      base64: Buffer.from("hello").toString("base64"),
    });
    expect(stored).toMatchObject({
      put: { key: "notes/hello.txt", size: 5 },
      stat: { key: "notes/hello.txt", size: 5, contentType: "text/plain" },
    });
    const url = new URL((stored as { url: string }).url, "https://x");
    expect(url.pathname).toBe(`/api/plugin-files/${s.w.alpha}/rt-echo/notes/hello.txt`);
    const target = { tenantId: s.w.alpha, pluginId: "rt-echo", key: "notes/hello.txt" };
    expect(
      verifyPluginFileSignature(RUNTIME_SECRET, target, url.searchParams.get("sig") ?? ""),
    ).toBe(true);

    expect(await value(s.w.beta, "stat", { key: "notes/hello.txt" })).toBeNull();
    const escaping = await call(s.w.alpha, "stat", { key: "../other-plugin/x.txt" });
    expect(escaping.ok ? "" : escaping.error.message).toMatch(/key/);
  });
});
