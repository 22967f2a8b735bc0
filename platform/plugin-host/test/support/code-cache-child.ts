/**
 * Run by code-cache.integration.test.ts in its own Node (isolated-vm needs
 * --no-node-snapshot, which the test runner's processes lack). Reads two bundles as JSON on
 * stdin, exercises the code cache with real isolates and prints what it saw as JSON.
 */
import ivm from "isolated-vm";
import { IsolatePool } from "../../src/sandbox/isolate-pool.ts";
import { PluginIsolate } from "../../src/sandbox/plugin-isolate.ts";
import { type Bundle, callProcedure, readBundles, workerConfig } from "./child-common.ts";

const { hello, other } = (await readBundles()) as Record<"hello" | "other", Bundle>;

const refuse = async () => JSON.stringify({ ok: false, error: { code: "x", message: "no" } });
const load = (code: string, cachedData?: ivm.ExternalCopy<ArrayBuffer>) =>
  PluginIsolate.load(code, { memoryMb: 64, timeoutMs: 10_000, label: "t", cachedData });
const bytes = (c: ivm.ExternalCopy<ArrayBuffer> | undefined) =>
  c ? new Uint8Array(c.copy()) : new Uint8Array();
const copyOf = (b: Uint8Array) => new ivm.ExternalCopy(b.buffer as ArrayBuffer);
const whoami = (iso: PluginIsolate, tenantId: string) =>
  callProcedure(iso, "hello", "whoami", tenantId);

/** Loads `hello` with the given cache; what V8 decided and whether the plugin works. */
async function attempt(cache: ivm.ExternalCopy<ArrayBuffer> | undefined) {
  const iso = await load(hello.code, cache);
  iso.bind(refuse);
  try {
    return {
      rejected: iso.cacheRejected,
      describes: JSON.parse(iso.describeJson).id as string,
      answer: await whoami(iso, "tenant-1"),
    };
  } finally {
    iso.dispose("evicted");
  }
}

const fresh = await load(hello.code);
const good = await fresh.codeCache(hello.code);
fresh.dispose("evicted");
const otherIso = await load(other.code);
const foreign = await otherIso.codeCache(other.code);
otherIso.dispose("evicted");

// What V8 hands out straight after compiling, before anything ran: the top level only.
const bare = new ivm.Isolate({ memoryLimit: 64 });
const compiled = (await bare.compileScript(hello.code, {
  produceCachedData: true,
})) as ivm.Script & ivm.CachedDataResult;
const compileOnlyBytes = bytes(compiled.cachedData).length;
bare.dispose();

const goodBytes = bytes(good);
const header = goodBytes.slice();
for (let i = 8; i < 24; i++) header[i] = (header[i] ?? 0) ^ 0xff;

const cases = {
  none: await attempt(undefined),
  good: await attempt(good),
  foreign: await attempt(foreign),
  truncated: await attempt(copyOf(goodBytes.slice(0, goodBytes.length >> 1))),
  tamperedHeader: await attempt(copyOf(header)),
  garbage: await attempt(copyOf(new Uint8Array(4096).fill(0x5a))),
};

// The worker's pool: a bad entry costs one full compile, then is replaced by a good one.
// No spares here: each get() below must load, so the planted cache is what it meets.
const config = workerConfig({ maxSpares: 0 });
const pool = new IsolatePool(config, (sha) => (sha === hello.sha256 ? hello.code : undefined), {
  bridgeFor: () => refuse,
  onDescriptor: () => {},
  onUsage: () => {},
});
// The pool's private cache, reached the way only a test may, to plant a bad entry.
const caches = (pool as unknown as { codeCache: Map<string, ivm.ExternalCopy<ArrayBuffer>> })
  .codeCache;
const cacheOf = () => caches.get(hello.sha256);
await pool.describe(hello.sha256);
const probeCacheBytes = bytes(cacheOf()).length;
caches.set(hello.sha256, foreign as ivm.ExternalCopy<ArrayBuffer>);
const key = (tenantId: string) => ({ tenantId, pluginId: "hello", version: "1.0.0" });
const first = await pool.get(key("tenant-a"), hello.sha256);
const replaced = cacheOf() !== foreign && cacheOf() !== undefined;
const second = await pool.get(key("tenant-b"), hello.sha256);
const poolResult = {
  probeCacheBytes,
  firstRejected: first.cacheRejected,
  replaced,
  secondRejected: second.cacheRejected,
  answers: [await whoami(first, "tenant-a"), await whoami(second, "tenant-b")],
};
await pool.disposeAll();

process.stdout.write(
  JSON.stringify({
    sizes: { compileOnly: compileOnlyBytes, afterLoad: goodBytes.length },
    cases,
    pool: poolResult,
  }),
);
process.exit(0);
