import { createHash } from "node:crypto";
import type { EnabledUiEntry } from "@omnify/plugin-sdk/ui";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PluginIntegrityError } from "./integrity";
import { type PinRegistry, pinnedAssetsPlugin } from "./pinned-assets-plugin";

const hex = (s: string) => createHash("sha256").update(s).digest("hex");
const ORIGIN = "http://northwind.localhost:3000";
const BASE = "/_plugins/utm-links/1.2.0/";
const entry: EnabledUiEntry = {
  pluginId: "utm-links",
  version: "1.2.0",
  name: "UTM links",
  remoteName: "omnify_plugin_utm_links",
  manifestUrl: `${BASE}ui/mf-manifest.json`,
  manifestSha256: hex("{}"),
  files: { "ui/mf-manifest.json": hex("{}"), "ui/remoteEntry.abc.js": hex("var x;") },
  slots: ["nav"],
  navLabel: "Links",
};

function setup(served: Record<string, string>) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      const path = new URL(url, ORIGIN).pathname;
      const body = served[path];
      return body === undefined ? new Response("no", { status: 404 }) : new Response(body);
    }),
  );
  const refused: Error[] = [];
  const registry: PinRegistry = {
    byName: (name) => (name === entry.remoteName ? entry : undefined),
    byUrl: (url) => (new URL(url, ORIGIN).pathname.startsWith(BASE) ? entry : undefined),
    refuse(_name, error) {
      refused.push(error);
      throw error;
    },
  };
  const plugin = pinnedAssetsPlugin(registry, ORIGIN);
  return { plugin, refused };
}
const remoteInfo = (url: string) =>
  ({
    name: entry.remoteName,
    entry: url,
    type: "global",
    entryGlobalName: entry.remoteName,
    shareScope: "default",
  }) as never;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("pinnedAssetsPlugin: fetch (the federation manifest)", () => {
  it("hands back the verified bytes", async () => {
    const { plugin } = setup({ [`${BASE}ui/mf-manifest.json`]: "{}" });
    const res = await plugin.fetch?.(`${ORIGIN}${BASE}ui/mf-manifest.json`, {}, remoteInfo(""));
    expect(res).toBeInstanceOf(Response);
    expect(await (res as Response).text()).toBe("{}");
  });

  it("refuses a manifest that differs from the pinned one, before MF parses it", async () => {
    const { plugin, refused } = setup({
      [`${BASE}ui/mf-manifest.json`]: '{"remoteEntry":"evil.js"}',
    });
    await expect(
      plugin.fetch?.(`${ORIGIN}${BASE}ui/mf-manifest.json`, {}, remoteInfo("")),
    ).rejects.toThrow(/integrity check failed for .*mf-manifest\.json/);
    expect(refused[0]).toBeInstanceOf(PluginIntegrityError);
  });

  it("refuses URLs of no enabled plugin", async () => {
    const { plugin } = setup({});
    await expect(
      plugin.fetch?.(`${ORIGIN}/_plugins/other/1.0.0/ui/mf-manifest.json`, {}),
    ).rejects.toThrow("no enabled plugin");
  });
});

describe("pinnedAssetsPlugin: loadEntry (remoteEntry.js)", () => {
  it("lets the default loader run once the entry's bytes match", async () => {
    const { plugin } = setup({ [`${BASE}ui/remoteEntry.abc.js`]: "var x;" });
    await expect(
      plugin.loadEntry?.({
        remoteInfo: remoteInfo(`${ORIGIN}${BASE}ui/remoteEntry.abc.js`),
      } as never),
    ).resolves.toBeUndefined();
  });

  it("refuses a modified entry before any of it runs", async () => {
    const { plugin, refused } = setup({ [`${BASE}ui/remoteEntry.abc.js`]: "var x; steal();" });
    await expect(
      plugin.loadEntry?.({
        remoteInfo: remoteInfo(`${ORIGIN}${BASE}ui/remoteEntry.abc.js`),
      } as never),
    ).rejects.toThrow("integrity check failed");
    expect(refused).toHaveLength(1);
  });

  it("refuses an entry the build record does not list", async () => {
    const { plugin } = setup({ [`${BASE}ui/remoteEntry.other.js`]: "var x;" });
    await expect(
      plugin.loadEntry?.({
        remoteInfo: remoteInfo(`${ORIGIN}${BASE}ui/remoteEntry.other.js`),
      } as never),
    ).rejects.toThrow("not in the pinned build");
  });
});
