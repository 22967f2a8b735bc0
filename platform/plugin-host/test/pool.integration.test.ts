import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BuiltBundle,
  createHostApi,
  createPluginHostPool,
  PluginCrashedError,
  type PluginHostPool,
  PluginInvocationError,
  PluginLoadError,
} from "../src/index.ts";
import { fixtureBundle, recordingSinks } from "./helpers.ts";

const { seen, sinks } = recordingSinks();
let pool: PluginHostPool;
let hello: BuiltBundle;
const call = (
  tenantId: string,
  name: string,
  extra: { input?: unknown; settings?: Record<string, unknown> } = {},
) =>
  pool.invoke({
    tenantId,
    pluginId: "hello",
    version: "1.0.0",
    bundle: hello,
    kind: "procedure",
    name,
    ...extra,
  });

beforeAll(async () => {
  hello = await fixtureBundle("hello");
  pool = createPluginHostPool({ processes: 2, hostApi: createHostApi({ sinks }) });
});
afterAll(() => pool.close());

describe("plugin host pool: happy path", () => {
  it("invokes the same plugin for two tenants with their own tenant and settings", async () => {
    await pool.prewarm({
      tenantId: "tenant-a",
      pluginId: "hello",
      version: "1.0.0",
      bundle: hello,
    });
    const [a, b] = await Promise.all([
      call("tenant-a", "whoami", { settings: { greeting: "Hi" } }),
      call("tenant-b", "whoami", { settings: { greeting: "Moin" } }),
    ]);
    expect(a).toEqual({
      tenant: "tenant-a",
      plugin: { id: "hello", version: "1.0.0" },
      settings: { greeting: "Hi" },
    });
    expect(b).toEqual({
      tenant: "tenant-b",
      plugin: { id: "hello", version: "1.0.0" },
      settings: { greeting: "Moin" },
    });
  });

  it("routes every host API call to the injected handler with the invocation's tenant", async () => {
    seen.length = 0;
    const out = await call("tenant-b", "greet", {
      input: { name: "Ada" },
      settings: { greeting: "Hallo" },
    });
    expect(out).toMatchObject({
      message: "Hallo, Ada!",
      job: { id: expect.stringMatching(/^job-/) },
    });
    const sinksHit = seen.map((s) => s.sink);
    expect(sinksHit).toEqual(expect.arrayContaining(["event", "realtime", "meter", "job"]));
    for (const s of seen)
      expect(s.record).toMatchObject({ tenantId: "tenant-b", pluginId: "hello" });
    expect(seen.find((s) => s.sink === "meter")?.record).toMatchObject({
      name: "greetings",
      quantity: 1,
      idempotencyKey: "greet:Ada",
      aggregation: "sum",
      unit: "greeting",
    });
  });

  it("runs event and job handlers", async () => {
    const base = {
      tenantId: "tenant-a",
      pluginId: "hello",
      version: "1.0.0",
      bundle: hello,
    } as const;
    await expect(
      pool.invoke({ ...base, kind: "event", name: "contact.created", input: { id: 1 } }),
    ).resolves.toBeNull();
    await expect(pool.invoke({ ...base, kind: "job", name: "nightly" })).resolves.toBeNull();
  });

  it("reports plugin errors, bad input and unknown handlers as PluginInvocationError", async () => {
    await expect(call("tenant-a", "fail")).rejects.toThrow(
      new PluginInvocationError("boom from plugin"),
    );
    await expect(call("tenant-a", "greet", { input: { name: 42 } })).rejects.toThrow(/input\.name/);
    await expect(call("tenant-a", "nope")).rejects.toThrow(/no procedure 'nope'/);
    await expect(call("tenant-a", "whoami", { settings: { greeting: 7 } })).rejects.toThrow(
      /settings\.greeting/,
    );
  });

  it("refuses each undeclared capability by name", async () => {
    const cases = {
      event: /event 'not.declared' is not declared in capabilities.events.emit/,
      channel: /realtime channel 'secret-room' is not declared/,
      meter: /meter 'free-money' is not declared in capabilities.meters/,
      job: /job 'nope' is not declared in server.jobs/,
      secret: /secret 'other' is not declared in capabilities.secrets/,
      db: /capabilities.db is not declared/,
    };
    for (const [what, message] of Object.entries(cases)) {
      await expect(
        call("tenant-a", "undeclared", { input: { what }, settings: { upstreamPort: 1 } }),
      ).rejects.toThrow(message);
    }
  });

  it("describes a bundle through inspect, and refuses a bundle called by another name", async () => {
    const manifest = await pool.inspect(hello);
    expect(manifest).toMatchObject({
      id: "hello",
      version: "1.0.0",
      handlers: { jobs: ["nightly"] },
    });
    expect(manifest.settingsForm).toEqual([
      { name: "greeting", label: "Greeting", type: "text", required: false, default: "Hello" },
      { name: "upstreamPort", label: "Upstream Port", type: "integer", required: false },
    ]);
    await expect(
      pool.invoke({
        tenantId: "t",
        pluginId: "other",
        version: "1.0.0",
        bundle: hello,
        kind: "procedure",
        name: "whoami",
      }),
    ).rejects.toThrow(PluginLoadError);
  });

  it("restarts a killed worker process: in-flight calls fail, the next call works", async () => {
    const victim = pool.processFor("tenant-a", "hello");
    const other = ["tenant-b", "tenant-c", "tenant-d", "tenant-e"].find(
      (t) => pool.processFor(t, "hello").index !== victim.index,
    );
    const pending = call("tenant-a", "whoami");
    const otherCall = other ? call(other, "whoami") : Promise.resolve({ tenant: undefined });
    await pending; // make sure the isolate exists, then kill while a call is in flight
    const inFlight = pool.invoke({
      tenantId: "tenant-a",
      pluginId: "hello",
      version: "1.0.0",
      bundle: hello,
      kind: "procedure",
      name: "upstream",
      input: { path: "/api/x" },
      settings: { upstreamPort: 9 },
    });
    victim.kill();
    await expect(inFlight).rejects.toThrow(PluginCrashedError);
    await expect(otherCall).resolves.toMatchObject({ tenant: other });
    await expect(call("tenant-a", "whoami")).resolves.toMatchObject({ tenant: "tenant-a" });
    const stats = await pool.stats();
    expect(stats.processes[victim.index]?.restarts).toBe(1);
  });

  it("accounts CPU time per tenant and plugin", async () => {
    const { usage } = await pool.stats();
    const a = usage.find((u) => u.tenantId === "tenant-a" && u.pluginId === "hello");
    expect(a?.invocations).toBeGreaterThan(3);
    expect(a?.cpuMs).toBeGreaterThan(0);
  });
});

describe("plugin host pool: bundle integrity", () => {
  it("refuses code that does not hash to its sha256, even after that sha256 was verified", async () => {
    await call("tenant-a", "whoami");
    const tampered = { code: `${hello.code}\n;globalThis.evil = 1;`, sha256: hello.sha256 };
    await expect(
      pool.invoke({
        tenantId: "tenant-a",
        pluginId: "hello",
        version: "1.0.0",
        bundle: tampered,
        kind: "procedure",
        name: "whoami",
      }),
    ).rejects.toThrow(/sha256 does not match its code/);
    expect(await call("tenant-b", "whoami")).toMatchObject({ tenant: "tenant-b" });
  });
});
