import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { createLocalStorage } from "../../src/storage/local-storage";
import { pluginFileUrl, verifyPluginFileSignature } from "../../src/storage/signed-url";

const secret = "storage-test-secret-0123";
const target = {
  tenantId: "7b0c5a80-9a52-4f0e-8d51-7d3f5d1f0a11",
  pluginId: "billboards",
  key: "a.png",
};

describe("signed plugin file URLs", () => {
  it("verify for exactly the tenant, plugin and key they were made for", () => {
    const url = new URL(pluginFileUrl(secret, target), "http://x");
    expect(url.pathname).toBe(`/api/plugin-files/${target.tenantId}/billboards/a.png`);
    const sig = url.searchParams.get("sig") ?? "";
    expect(verifyPluginFileSignature(secret, target, sig)).toBe(true);
    expect(verifyPluginFileSignature(secret, { ...target, key: "b.png" }, sig)).toBe(false);
    expect(verifyPluginFileSignature(secret, { ...target, pluginId: "other" }, sig)).toBe(false);
    expect(verifyPluginFileSignature("another-secret-0123456", target, sig)).toBe(false);
    expect(verifyPluginFileSignature(secret, target, `${sig.slice(0, -1)}A`)).toBe(false);
    expect(verifyPluginFileSignature(secret, target, "")).toBe(false);
  });
});

describe("local object storage", () => {
  const storage = createLocalStorage(mkdtempSync(join(tmpdir(), "omnify-storage-test-")));
  const read = async (path: string, range?: { start: number; end: number }) => {
    const body = await storage.get(path, range);
    if (!body) throw new Error(`${path} is missing`);
    return text(body);
  };

  it("puts, reads whole and by range, and deletes", async () => {
    await storage.put("t/p/hello.txt", new TextEncoder().encode("hello world"), "text/plain");
    expect(await read("t/p/hello.txt")).toBe("hello world");
    expect(await read("t/p/hello.txt", { start: 6, end: 10 })).toBe("world");
    await storage.delete("t/p/hello.txt");
    expect(await storage.get("t/p/hello.txt")).toBeNull();
  });

  it.each(["../escape", "t/../../etc/passwd", "/abs", "t//x", "t\\x", ".hidden"])(
    "refuses the path %j",
    async (path) => {
      await expect(storage.put(path, new Uint8Array([1]), "text/plain")).rejects.toThrow(
        /unsafe storage path/,
      );
      await expect(storage.get(path)).rejects.toThrow(/unsafe storage path/);
    },
  );
});
