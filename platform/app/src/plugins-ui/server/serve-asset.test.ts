import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { UiBuildRecord } from "@omnify/plugin-sdk/ui";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentTypeFor, parseAssetPath } from "./asset-path";
import { IMMUTABLE, serveAsset } from "./serve-asset";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const ENTRY = "var omnify_plugin_demo = 1;";
const MANIFEST = '{"name":"omnify_plugin_demo"}';

let pluginsDir: string;
const ui: UiBuildRecord = {
  remoteName: "omnify_plugin_demo",
  manifestFile: "ui/mf-manifest.json",
  manifestSha256: sha(MANIFEST),
  files: {
    "ui/mf-manifest.json": sha(MANIFEST),
    "ui/remoteEntry.1234.js": sha(ENTRY),
    "ui/static/js/async/chunk.js": sha("pinned chunk"),
  },
};
const lookup = async (id: string, version: string) =>
  id === "demo" && version === "1.0.0" ? { ui } : null;
const get = (path: string) => serveAsset(path.split("/"), { lookup, pluginsDir });

beforeAll(async () => {
  pluginsDir = await mkdtemp(join(tmpdir(), "omnify-assets-"));
  const dist = join(pluginsDir, "demo", "dist");
  await mkdir(join(dist, "ui", "static", "js", "async"), { recursive: true });
  await writeFile(join(dist, "ui", "mf-manifest.json"), MANIFEST);
  await writeFile(join(dist, "ui", "remoteEntry.1234.js"), ENTRY);
  await writeFile(join(dist, "ui", "static/js/async/chunk.js"), "changed after the build");
  await writeFile(join(dist, "server.js"), "secret server code");
  await writeFile(join(pluginsDir, "demo", "package.json"), "{}");
});
afterAll(() => rm(pluginsDir, { recursive: true, force: true }));

describe("serveAsset", () => {
  it("serves a pinned file of a catalogued version as immutable, with its content type", async () => {
    const res = await get("demo/1.0.0/ui/remoteEntry.1234.js");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(ENTRY);
    expect(res.headers.get("cache-control")).toBe(IMMUTABLE);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const manifest = await get("demo/1.0.0/ui/mf-manifest.json");
    expect(manifest.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("refuses a file whose bytes no longer match the pinned hash", async () => {
    const res = await get("demo/1.0.0/ui/static/js/async/chunk.js");
    expect(res.status).toBe(500);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it.each([
    ["a version not in the catalog", "demo/2.0.0/ui/remoteEntry.1234.js"],
    ["a plugin not in the catalog", "other/1.0.0/ui/remoteEntry.1234.js"],
    ["a file outside the build record (server bundle)", "demo/1.0.0/server.js"],
    ["a file outside the build record (package.json)", "demo/1.0.0/../package.json"],
    ["a traversal segment", "demo/1.0.0/ui/../../package.json"],
    ["an encoded separator", "demo/1.0.0/ui%2F..%2F..%2Fpackage.json"],
    ["no file at all", "demo/1.0.0"],
  ])("404s %s", async (_what, path) => {
    expect((await get(path)).status).toBe(404);
  });
});

describe("parseAssetPath", () => {
  it("keeps plain paths and refuses odd ids, versions and segments", () => {
    expect(parseAssetPath(["demo", "1.0.0", "ui", "a.js"])).toEqual({
      pluginId: "demo",
      version: "1.0.0",
      file: "ui/a.js",
    });
    expect(parseAssetPath(["Demo", "1.0.0", "ui"])).toBeNull();
    expect(parseAssetPath(["demo", "latest", "ui"])).toBeNull();
    expect(parseAssetPath(["demo", "1.0.0", ".."])).toBeNull();
    expect(parseAssetPath(["demo", "1.0.0", ".hidden"])).toBeNull();
    expect(parseAssetPath(["demo", "1.0.0", "a\\b.js"])).toBeNull();
  });

  it("maps extensions to content types and never lets the browser sniff unknown ones", () => {
    expect(contentTypeFor("ui/x.css")).toBe("text/css; charset=utf-8");
    expect(contentTypeFor("ui/logo.svg")).toBe("image/svg+xml");
    expect(contentTypeFor("ui/blob.bin")).toBe("application/octet-stream");
  });
});
