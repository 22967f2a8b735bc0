import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { buildPlugin, HOST_API_VERSION, PluginLoadError } from "../src/index.ts";

const dir = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

it("builds a plugin and reads its manifest from a real sandbox", async () => {
  const built = await buildPlugin(`${dir("hello")}/plugin.ts`, { root: dir("hello") });
  expect(built.sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(built.manifest).toMatchObject({ id: "hello", capabilities: { secrets: ["apiKey"] } });
});

it("refuses a plugin whose hostApi range excludes this host", async () => {
  const err = await buildPlugin(`${dir("future")}/plugin.ts`, { root: dir("future") }).catch(
    (e) => e,
  );
  expect(err).toBeInstanceOf(PluginLoadError);
  expect(err.message).toBe(
    `plugin 'future@3.0.0' needs host API ^2.0.0, but this host provides ${HOST_API_VERSION}`,
  );
});
