import { describe, expect, it } from "vitest";
import { collectEvents } from "../../core/test/helpers";
import { createPluginRuntimeClient, pluginRuntimeToken } from "../src/client";
import { pluginQueueName } from "../src/queues";
import { RUNTIME_SECRET, setupRuntimeWorld } from "./world";

const s = setupRuntimeWorld();
const client = () => createPluginRuntimeClient({ url: s.runtime.url, token: s.runtime.token });
const call = (tenantId: string, name: string, input?: unknown) =>
  client().invoke({ tenantId, pluginId: "rt-echo", kind: "procedure", name, input });

describe("plugin runtime service", () => {
  it("runs the installed version with the installation's settings and the caller's tenant", async () => {
    expect(await call(s.w.alpha, "echo", { text: "hi" })).toEqual({
      ok: true,
      value: { tenant: s.w.alpha, greeting: "hello", text: "hi" },
    });
  });

  it("hands the plugin the caller its client authenticated, the system by default", async () => {
    const member = {
      kind: "member" as const,
      userId: s.w.users.member.id,
      role: "agency_member",
      canManage: false,
    };
    const whoami = (caller?: Parameters<ReturnType<typeof client>["invoke"]>[0]["caller"]) =>
      client().invoke({
        tenantId: s.w.alpha,
        pluginId: "rt-echo",
        kind: "procedure",
        name: "whoami",
        ...(caller ? { caller } : {}),
      });
    expect(await whoami(member)).toEqual({ ok: true, value: member });
    expect(await whoami({ kind: "device", deviceId: s.w.alpha })).toEqual({
      ok: true,
      value: { kind: "device", deviceId: s.w.alpha },
    });
    expect(await whoami()).toEqual({ ok: true, value: { kind: "system" } });
    // A caller is data the host checks, never something a client can stretch.
    const forged = await whoami({ ...member, isAdmin: true } as never);
    expect(forged.ok).toBe(false);
  });

  it("refuses tenants whose installation is missing, disabled or uninstalled", async () => {
    expect(await call(s.w.beta, "echo", { text: "x" })).toMatchObject({
      ok: false,
      error: { code: "not_enabled" },
    });
    await s.t
      .admin`update plugin_installations set status = 'disabled' where tenant_id = ${s.w.alpha}`;
    try {
      expect(await call(s.w.alpha, "echo", { text: "x" })).toMatchObject({
        ok: false,
        error: { code: "not_enabled" },
      });
    } finally {
      await s.t
        .admin`update plugin_installations set status = 'enabled' where tenant_id = ${s.w.alpha}`;
    }
  });

  it("reports the plugin's own errors with their code", async () => {
    expect(await call(s.w.alpha, "echo", { text: 42 })).toMatchObject({
      ok: false,
      error: { code: "plugin_error" },
    });
  });

  it("records declared meters idempotently and refuses negative quantities", async () => {
    expect(await call(s.w.alpha, "meter", { qty: 3, key: "k1" })).toEqual({
      ok: true,
      value: "metered",
    });
    expect(await call(s.w.alpha, "meter", { qty: 3, key: "k1" })).toEqual({
      ok: true,
      value: "metered",
    });
    const bad = await call(s.w.alpha, "meter", { qty: -1, key: "k2" });
    expect(bad.ok).toBe(false);
    const rows = await s.t.admin`select tenant_id, meter, source, quantity from usage_events`;
    expect(rows).toEqual([
      { tenant_id: s.w.alpha, meter: "echoes", source: "plugin:rt-echo", quantity: "3" },
    ]);
  });

  it("publishes realtime to the tenant's room as plugin.<id>.<channel>", async () => {
    const events = await collectEvents(s.t.app, () => call(s.w.alpha, "publish"));
    expect(events).toEqual([
      { tenantId: s.w.alpha, type: "plugin.rt-echo.pings", data: { payload: { n: 1 } } },
    ]);
  });

  it("enqueues plugin jobs on pg-boss with the invocation's tenant", async () => {
    const result = await call(s.w.alpha, "enqueue");
    expect(result.ok).toBe(true);
    const jobs = await s.t
      .admin`select data from pgboss.job where name = ${pluginQueueName("rt-echo", "tick")}`;
    expect(jobs.map((j) => j.data)).toEqual([
      { tenantId: s.w.alpha, pluginId: "rt-echo", jobId: "tick", payload: { from: "procedure" } },
    ]);
  });

  it("queues emitted events in the outbox, tagged with the plugin", async () => {
    const r = await client().invoke({
      tenantId: s.w.alpha,
      pluginId: "rt-echo",
      kind: "event",
      name: "member.joined",
      input: { userId: "u1" },
    });
    expect(r).toEqual({ ok: true, value: null });
    const rows = await s.t
      .admin`select type, source, payload from plugin_events where type = 'echo.heard'`;
    expect(rows).toEqual([
      { type: "echo.heard", source: "plugin:rt-echo", payload: { userId: "u1" } },
    ]);
  });

  it("runs plugin SQL on the plugin's own login, scoped to the tenant, and purges it", async () => {
    const wrote = await call(s.w.alpha, "note", { body: "first" });
    expect(wrote).toEqual({ ok: true, value: [{ body: "first" }] });
    expect(await client().purge(s.w.alpha, "rt-echo")).toEqual({ ok: true, value: { tables: 1 } });
    const left = await s.t.admin`select count(*)::int as n from plugin_rt_echo.notes`;
    expect(left[0]?.n).toBe(0);
  });

  it("refuses requests without the token derived from OMNIFY_SECRET", async () => {
    const wrong = createPluginRuntimeClient({
      url: s.runtime.url,
      token: pluginRuntimeToken("another-secret-0123456789"),
    });
    await expect(wrong.health()).rejects.toThrow(/401/);
    expect(pluginRuntimeToken(RUNTIME_SECRET)).toBe(s.runtime.token);
    expect(await client().health()).toEqual({ ok: true, hostApi: "1.1.0" });
  });

  it("refuses a bundle whose stored code no longer matches its hash", async () => {
    // Simulate tampering below the trigger (superuser, trigger disabled) on a version not yet cached.
    await s.t.admin`alter table plugin_versions disable trigger plugin_versions_immutable`;
    await s.t.admin`update plugin_versions set server_sha256 = ${"f".repeat(64)}`;
    await s.t.admin`alter table plugin_versions enable trigger plugin_versions_immutable`;
    expect(await call(s.w.alpha, "echo", { text: "x" })).toMatchObject({
      ok: false,
      error: { code: "integrity" },
    });
  });
});
