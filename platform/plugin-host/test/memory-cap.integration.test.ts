import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type BuiltBundle,
  createHostApi,
  createPluginHostPool,
  PluginCrashedError,
  type PluginHostPool,
} from "../src/index.ts";
import { fixtureBundle, recordingSinks } from "./helpers.ts";

let pool: PluginHostPool;
let hog: BuiltBundle;
let hello: BuiltBundle;

beforeAll(async () => {
  [hog, hello] = await Promise.all([fixtureBundle("memory-hog"), fixtureBundle("hello")]);
  // One process, a generous isolate limit and a tight process cap: the process cap must win.
  pool = createPluginHostPool({
    processes: 1,
    maxMemoryMb: 1024,
    processMaxRssMb: 300,
    deadlineMs: 8000,
    hostApi: createHostApi({ sinks: recordingSinks().sinks }),
  });
});
afterAll(() => pool.close());

it("replaces a worker that passes its process memory cap; the next call works", async () => {
  const base = {
    pluginId: "memory-hog",
    version: "1.0.0",
    bundle: hog,
    kind: "procedure" as const,
  };
  const err = await pool
    .invoke<unknown>({ ...base, tenantId: "hungry", name: "hog" })
    .catch((e: Error) => e);
  expect(err).toBeInstanceOf(PluginCrashedError);
  expect((err as Error).message).toMatch(/passed its 300 MB memory cap/);
  const out = await pool.invoke({
    tenantId: "neighbour",
    pluginId: "hello",
    version: "1.0.0",
    bundle: hello,
    kind: "procedure",
    name: "whoami",
  });
  expect(out).toMatchObject({ tenant: "neighbour" });
});
