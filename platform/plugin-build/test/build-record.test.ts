import type { PluginDescriptor } from "@omnify/plugin-sdk";
import { uiBuildRecordSchema } from "@omnify/plugin-sdk/ui";
import { describe, expect, it } from "vitest";
import { createBuildRecord, serializeBuildRecord } from "../src/build-record.ts";

const manifest = {
  id: "demo",
  version: "1.0.0",
  hostApi: "^1.0.0",
  name: "Demo",
  description: "",
  capabilities: { ui: { slots: ["nav"] } },
  settingsForm: [],
  handlers: { procedures: [], events: [], jobs: [] },
} satisfies PluginDescriptor;
const HASH = "a".repeat(64);

describe("createBuildRecord", () => {
  it("has exactly the contract's shape", () => {
    const ui = {
      remoteName: "omnify_plugin_demo",
      manifestFile: "ui/mf-manifest.json" as const,
      manifestSha256: HASH,
      files: { "ui/mf-manifest.json": HASH },
    };
    const record = createBuildRecord({
      manifest,
      serverSha256: HASH,
      ui,
      migrations: [{ name: "0001_init.sql", sha256: HASH }],
    });
    expect(Object.keys(record)).toEqual([
      "id",
      "version",
      "manifest",
      "server",
      "ui",
      "migrations",
    ]);
    expect(record).toMatchObject({
      id: "demo",
      version: "1.0.0",
      server: { file: "server.js", sha256: HASH },
    });
    expect(uiBuildRecordSchema.parse(record.ui)).toEqual(ui);
  });

  it("records ui: null for a plugin without slots and serializes stably", () => {
    const record = createBuildRecord({ manifest, serverSha256: HASH, ui: null, migrations: [] });
    expect(record.ui).toBeNull();
    const text = serializeBuildRecord(record);
    expect(text.endsWith("}\n")).toBe(true);
    expect(serializeBuildRecord(JSON.parse(text))).toBe(text);
  });
});

describe("uiBuildRecordSchema", () => {
  it("refuses file keys that could escape dist/ui", () => {
    const base = {
      remoteName: "omnify_plugin_demo",
      manifestFile: "ui/mf-manifest.json",
      manifestSha256: HASH,
    };
    for (const key of ["ui/../server.js", "server.js", "ui//x.js", "/ui/x.js", "ui/./x.js"]) {
      expect(uiBuildRecordSchema.safeParse({ ...base, files: { [key]: HASH } }).success, key).toBe(
        false,
      );
    }
  });
});
