import { createHash } from "node:crypto";
import type { EnabledUiEntry } from "@omnify/plugin-sdk/ui";
import { describe, expect, it } from "vitest";
import {
  assertPinned,
  PluginIntegrityError,
  pinnedHashFor,
  sha256Hex,
  sriFromHex,
} from "./integrity";

const hex = (s: string) => createHash("sha256").update(s).digest("hex");
const ORIGIN = "http://northwind.localhost:3000";
const entry: EnabledUiEntry = {
  pluginId: "utm-links",
  version: "1.2.0",
  name: "UTM links",
  remoteName: "omnify_plugin_utm_links",
  manifestUrl: "/_plugins/utm-links/1.2.0/ui/mf-manifest.json",
  manifestSha256: hex("manifest"),
  files: { "ui/mf-manifest.json": hex("manifest"), "ui/remoteEntry.abc.js": hex("entry") },
  slots: ["dashboard-card"],
  navLabel: null,
};

describe("sha256Hex / sriFromHex", () => {
  it("matches Node's sha256 and encodes it the way <script integrity> expects", async () => {
    const bytes = new TextEncoder().encode("hello");
    expect(await sha256Hex(bytes)).toBe(hex("hello"));
    const b64 = createHash("sha256").update("hello").digest("base64");
    expect(sriFromHex(hex("hello"))).toBe(`sha256-${b64}`);
  });
});

describe("pinnedHashFor", () => {
  it("finds the pinned hash of a file of this plugin version, absolute or relative", () => {
    expect(
      pinnedHashFor(`${ORIGIN}/_plugins/utm-links/1.2.0/ui/remoteEntry.abc.js`, entry, ORIGIN),
    ).toBe(hex("entry"));
    expect(pinnedHashFor("/_plugins/utm-links/1.2.0/ui/mf-manifest.json", entry, ORIGIN)).toBe(
      hex("manifest"),
    );
  });

  it.each([
    [
      "another origin",
      "https://cdn.evil.test/_plugins/utm-links/1.2.0/ui/remoteEntry.abc.js",
      "not this origin",
    ],
    ["another version", "/_plugins/utm-links/1.1.0/ui/remoteEntry.abc.js", "outside"],
    ["another plugin", "/_plugins/other/1.2.0/ui/remoteEntry.abc.js", "outside"],
    ["an unpinned file", "/_plugins/utm-links/1.2.0/ui/extra.js", "not in the pinned build"],
    ["a traversal", "/_plugins/utm-links/1.2.0/ui/../../other/1.0.0/ui/x.js", "outside"],
  ])("refuses %s", (_what, url, message) => {
    expect(() => pinnedHashFor(url, entry, ORIGIN)).toThrow(PluginIntegrityError);
    expect(() => pinnedHashFor(url, entry, ORIGIN)).toThrow(message);
  });
});

describe("assertPinned", () => {
  it("accepts the pinned bytes", async () => {
    await expect(
      assertPinned("x.js", new TextEncoder().encode("entry"), hex("entry")),
    ).resolves.toBeUndefined();
  });

  it("refuses modified bytes, naming the file and both hashes", async () => {
    const tampered = new TextEncoder().encode("entry;steal()");
    await expect(assertPinned("ui/remoteEntry.abc.js", tampered, hex("entry"))).rejects.toThrow(
      new RegExp(
        `integrity check failed for ui/remoteEntry\\.abc\\.js: sha256 ${hex("entry;steal()").slice(0, 12)}…, pinned ${hex("entry").slice(0, 12)}…`,
      ),
    );
  });
});
