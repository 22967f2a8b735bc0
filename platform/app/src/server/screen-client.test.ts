import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serveScreenFile } from "./screen-client";

function distWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "screen-dist-"));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
  return dir;
}

describe("/screen/ static player", () => {
  const dist = distWith({
    "index.html": "<!doctype html><title>player</title>",
    "assets/main-abc123.js": "console.log(1)",
    "sw.js": "self.addEventListener('fetch', () => {})",
  });

  it("serves index.html uncached, for the root and for the player's own paths", async () => {
    for (const path of [[], ["pair"]]) {
      const res = await serveScreenFile(path, dist);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("player");
    }
  });

  it("serves hashed assets immutable and the worker with a /screen scope", async () => {
    const asset = await serveScreenFile(["assets", "main-abc123.js"], dist);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    const sw = await serveScreenFile(["sw.js"], dist);
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    expect(sw.headers.get("service-worker-allowed")).toBe("/screen");
  });

  it("answers 404 for a missing asset and anything outside the build", async () => {
    expect((await serveScreenFile(["assets", "gone.js"], dist)).status).toBe(404);
    expect((await serveScreenFile(["..", "package.json"], dist)).status).toBe(404);
  });

  it("explains how to build the player when there is no build", async () => {
    const res = await serveScreenFile([], join(tmpdir(), "no-such-screen-dist"));
    expect(res.status).toBe(503);
    expect(await res.text()).toContain("npm run build -w @omnify/screen-client");
  });
});
