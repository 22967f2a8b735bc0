import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BuiltBundle,
  createHostApi,
  createPluginHostPool,
  type PluginHostPool,
  PluginMemoryLimitError,
  PluginResultTooLargeError,
  PluginTimeoutError,
} from "../src/index.ts";
import { fixtureBundle, hostileLookup, recordingSinks } from "./helpers.ts";

const SECRET = "sk_live_DO-NOT-LEAK-4242";
let pool: PluginHostPool;
let hostile: BuiltBundle;
let attacker = 0;
const attack = (name: string, input?: unknown) =>
  pool.invoke({
    tenantId: `attacker-${++attacker}`,
    pluginId: "hostile",
    version: "1.0.0",
    bundle: hostile,
    kind: "procedure",
    name,
    input,
  });

/** After every attack, another tenant's legitimate call on the same plugin must still work. */
async function stillServes(): Promise<void> {
  const tenantId = `victim-${attacker}`;
  const out = await pool.invoke({
    tenantId,
    pluginId: "hostile",
    version: "1.0.0",
    bundle: hostile,
    kind: "procedure",
    name: "ping",
  });
  expect(out).toEqual({ tenant: tenantId });
}

beforeAll(async () => {
  hostile = await fixtureBundle("hostile");
  const { sinks } = recordingSinks();
  pool = createPluginHostPool({
    processes: 2,
    cpuTimeoutMs: 500,
    // Generous for a loaded 2-core CI box; the attacks do not depend on the exact value.
    deadlineMs: 3000,
    idleCpuBudgetMs: 50,
    hostApi: createHostApi({
      sinks,
      fetch: { lookup: hostileLookup },
      getSecret: async () => SECRET,
    }),
  });
});
afterAll(() => pool.close());

describe("hostile plugins are contained", () => {
  it("sees no process, require, Node globals, timers, fetch or isolated-vm handles", async () => {
    const out = (await attack("globals")) as { present: string[]; own: string[] };
    expect(out.present).toEqual([]);
    expect(out.own).not.toContain("host_ref");
    await stillServes();
  });

  it("gets nothing from constructor-chain escapes", async () => {
    const out = (await attack("constructorEscape")) as Record<string, string>;
    expect(out.thisCtor).toBe("undefined");
    expect(out.fnCtor).toBe("undefinedundefinedundefined");
    expect(out.asyncCtor).toMatch(/^(undefined|\[object Promise\])$/);
    expect(out.errorCtor).toBe("undefined");
    expect(out.evalGlobal).toBe("undefinedundefinedundefinedundefined");
    expect(out.protoGlobal).not.toMatch(/process|require/);
    await stillServes();
  });

  it("stops a synchronous infinite loop with the CPU timeout", async () => {
    await expect(attack("syncLoop")).rejects.toThrow(PluginTimeoutError);
    await stillServes();
  });

  it("stops an async (microtask) infinite loop", async () => {
    await expect(attack("microtaskLoop")).rejects.toThrow(PluginTimeoutError);
    await stillServes();
  });

  it("stops a call that awaits forever with the wall-clock deadline", async () => {
    await expect(attack("awaitForever")).rejects.toThrow(/wall-clock deadline/);
    await stillServes();
  });

  it("disposes an isolate that blows its heap", async () => {
    // V8 either hits the memoryLimit or spends the CPU timeout collecting garbage first.
    const err = await attack("heapBomb").catch((e) => e);
    expect([PluginMemoryLimitError, PluginTimeoutError].some((E) => err instanceof E)).toBe(true);
    await stillServes();
  });

  it("refuses ArrayBuffer bombs inside the isolate", async () => {
    const out = (await attack("arrayBufferBomb")) as string[];
    expect(out[0]).toMatch(/2\^31: .*allocation failed/i);
    expect(out[1]).toMatch(/typed arrays after \d+: .*allocation failed/i);
    await stillServes();
  });

  it("refuses an enormous return value", async () => {
    await expect(attack("hugeResult")).rejects.toThrow(PluginResultTooLargeError);
    await stillServes();
  });

  it("refuses fetches to loopback, private, link-local and mapped addresses, directly and via DNS", async () => {
    const targets = [
      "http://127.0.0.1/",
      "http://[::1]/",
      "http://169.254.169.254/latest/meta-data/",
      "http://10.0.0.1/",
      "http://0.0.0.0/",
      "http://2130706433/",
      "http://[::ffff:127.0.0.1]/",
      "http://100.64.0.1/",
      "http://[fd00::1]/",
      "http://evil.example.test/",
      "http://metadata.example.test/latest/meta-data/",
      "http://intranet.example.test/",
      "http://loopback6.example.test/",
      "http://mapped.example.test/",
      "http://mixed.example.test/",
    ];
    for (const url of targets) {
      await expect(attack("fetch", { url }), url).rejects.toThrow(
        /refusing .* not a public address/,
      );
    }
    await stillServes();
  });

  it("refuses a fetch outside the allow-list", async () => {
    await expect(attack("fetch", { url: "ftp://example.com/" })).rejects.toThrow(/only http\(s\)/);
    await stillServes();
  });

  it("never shows a secret's value to the sandbox, whatever API it tries", async () => {
    const seen = (await attack("secretHunt")) as string;
    expect(seen).not.toContain(SECRET);
    expect(seen).toContain("unknown host method 'secrets.get'");
    await stillServes();
  });

  it("cannot reach the bridge Reference", async () => {
    const out = (await attack("bridgeHunt")) as { found: string[]; facts: Record<string, unknown> };
    expect(out.found).toEqual([]);
    expect(out.facts).toMatchObject({
      writable: false,
      configurable: false,
      frozen: true,
      proto: null,
      redefine: "TypeError",
      hostUnchanged: true,
      caller: "threw TypeError",
      arguments: "threw TypeError",
      replyType: "string",
    });
    await stillServes();
  });

  it("disposes an isolate that keeps burning CPU after its call returned", async () => {
    const tenantId = "background-runner";
    const base = {
      tenantId,
      pluginId: "hostile",
      version: "1.0.0",
      bundle: hostile,
      kind: "procedure" as const,
    };
    await expect(pool.invoke({ ...base, name: "backgroundLoop" })).resolves.toBe("returned");
    // The loop starts once its host call is answered. A ping that lands on the busy isolate
    // times out and takes the isolate with it; otherwise the idle watchdog has replaced it.
    const failures: unknown[] = [];
    let answer: unknown;
    for (let attempt = 0; attempt < 3 && answer === undefined; attempt++) {
      answer = await pool.invoke({ ...base, name: "ping" }).catch((e: unknown) => {
        failures.push(e);
        return undefined;
      });
    }
    expect(answer).toEqual({ tenant: tenantId });
    for (const f of failures) expect(f).toBeInstanceOf(PluginTimeoutError);
    await stillServes();
  });
});
