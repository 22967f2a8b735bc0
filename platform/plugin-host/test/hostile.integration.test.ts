import { readFile } from "node:fs/promises";
import { runInNewContext } from "node:vm";
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
import { walkGlobals } from "./fixtures/hostile/probes.ts";
import { fixtureBundle, hostileLookup, recordingSinks } from "./helpers.ts";

const SECRET = "sk_live_DO-NOT-LEAK-4242";
// Set in this process's environment before the pool starts, as the runtime's would be.
const OMNIFY_SECRET = "omnify-secret-DO-NOT-LEAK-7f3a9c";
const DATABASE_URL = "postgres://omnify:db-password-DO-NOT-LEAK@127.0.0.1:5432/omnify";
const NEVER_SEEN = [SECRET, OMNIFY_SECRET, DATABASE_URL, "db-password", "DO-NOT-LEAK"];
const savedEnv = {
  OMNIFY_SECRET: process.env.OMNIFY_SECRET,
  DATABASE_URL: process.env.DATABASE_URL,
};
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
  process.env.OMNIFY_SECRET = OMNIFY_SECRET;
  process.env.DATABASE_URL = DATABASE_URL;
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
      // A "leaky" tenant's secret store fails the way a database error would: naming the URL.
      getSecret: async (tenantId) => {
        if (tenantId.startsWith("leaky")) {
          throw new Error(
            `decrypt failed: ${DATABASE_URL} (key from OMNIFY_SECRET=${OMNIFY_SECRET})`,
          );
        }
        return SECRET;
      },
    }),
  });
});
afterAll(async () => {
  await pool.close();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

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

  it("reaches no isolated-vm handle and no native function plain V8 lacks, only the bridge", async () => {
    type Walk = ReturnType<typeof walkGlobals>;
    const walk = (await attack("walkGlobals")) as Walk;
    // The same walk in a fresh V8 context without the host: what any script may see anyway.
    const baseline = runInNewContext(
      `for (const n of ["WebAssembly", "SharedArrayBuffer", "Atomics"]) delete globalThis[n];
       (${walkGlobals.toString()})()`,
    ) as Walk;
    expect(walk.objects).toBeGreaterThan(500); // the walk really went through the built-ins
    expect(walk.hostTyped).toEqual([]);
    // Node hides V8's own Intl.v8BreakIterator from its contexts; isolated-vm does not.
    const v8Own = (p: string) => p.startsWith("globalThis.Intl.v8BreakIterator");
    expect(walk.native.filter((p) => !baseline.native.includes(p) && !v8Own(p))).toEqual([]);
    // Globals beyond plain V8: the bridge, the SDK runtime's entry and zod's registry (both
    // part of the bundle). The bridge's only function is the bootstrap's `host.call`, which
    // keeps the Reference in a closure; native functions were checked above.
    expect(walk.globals.filter((g) => !baseline.globals.includes(g)).sort()).toEqual([
      "__omnify",
      "__zod_globalConfig",
      "__zod_globalRegistry",
      "host",
    ]);
    expect(walk.scripted.filter((p) => p.startsWith("globalThis.host"))).toEqual([
      "globalThis.host.call",
    ]);
    await stillServes();
  });

  it("never shows the plugin secret, OMNIFY_SECRET or the database URL to the sandbox", async () => {
    const leaky = (await pool.invoke({
      tenantId: "leaky-tenant",
      pluginId: "hostile",
      version: "1.0.0",
      bundle: hostile,
      kind: "procedure",
      name: "hostErrors",
    })) as string;
    // The failure paths really ran: the secret lookup threw, the guard and parser refused.
    expect(leaky).toContain("host API 'fetch' failed");
    expect(leaky).toContain("unknown host method 'no.such.method'");
    const seen = [
      leaky,
      await attack("hostErrors"),
      await attack("secretHunt"),
      await attack("globals"),
      await attack("walkGlobals"),
    ].map((v) => JSON.stringify(v));
    for (const text of seen) for (const s of NEVER_SEEN) expect(text).not.toContain(s);
    // Nor does the process that holds the isolates have them in its environment.
    const { processes } = await pool.stats();
    expect(processes.length).toBeGreaterThan(0);
    for (const { pid } of processes) {
      const environ = await readFile(`/proc/${pid}/environ`, "utf8");
      for (const s of NEVER_SEEN) expect(environ).not.toContain(s);
    }
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
