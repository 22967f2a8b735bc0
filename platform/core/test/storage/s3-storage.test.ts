import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createObjectStorage, storageEnvSchema } from "../../src/storage/config";
import type { ObjectStorage } from "../../src/storage/object-storage";

/**
 * The few S3 REST calls storage makes, path-style, as MinIO answers them: PUT, GET (with
 * Range → 206), DELETE, and a NoSuchKey XML error. The real AWS SDK talks to it.
 */
function fakeS3() {
  const objects = new Map<string, { body: Buffer; type: string }>();
  const requests: { method: string; path: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://s3").pathname);
      requests.push({ method: req.method ?? "", path });
      if (req.method === "PUT") {
        objects.set(path, {
          body: Buffer.concat(chunks),
          type: String(req.headers["content-type"]),
        });
        res.writeHead(200, { etag: '"x"' }).end();
        return;
      }
      if (req.method === "DELETE") {
        objects.delete(path);
        res.writeHead(204).end();
        return;
      }
      const found = objects.get(path);
      if (!found) {
        res.writeHead(404, { "content-type": "application/xml" });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>',
        );
        return;
      }
      const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ""));
      const body = range ? found.body.subarray(Number(range[1]), Number(range[2]) + 1) : found.body;
      res.writeHead(range ? 206 : 200, {
        "content-type": found.type,
        "content-length": String(body.length),
      });
      res.end(body);
    });
  });
  return { server, objects, requests };
}

const fake = fakeS3();
let storage: ObjectStorage;

beforeAll(async () => {
  await new Promise<void>((r) => fake.server.listen(0, "127.0.0.1", r));
  const { port } = fake.server.address() as AddressInfo;
  storage = createObjectStorage(
    storageEnvSchema.parse({
      OMNIFY_STORAGE: "s3",
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: "creatives",
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "test",
      S3_SECRET_ACCESS_KEY: "test-secret",
      S3_FORCE_PATH_STYLE: "true",
    }),
  );
});
afterAll(() => new Promise<void>((r) => fake.server.close(() => r())));

describe("S3 object storage through @aws-sdk/client-s3", () => {
  it("puts, reads whole and by range, deletes, and answers null for a missing key", async () => {
    expect(storage.kind).toBe("s3");
    await storage.put(
      "t1/billboards/ad.txt",
      new TextEncoder().encode("hello world"),
      "text/plain",
    );
    expect(fake.objects.get("/creatives/t1/billboards/ad.txt")).toMatchObject({
      type: "text/plain",
    });
    const whole = await storage.get("t1/billboards/ad.txt");
    expect(whole && (await text(whole))).toBe("hello world");
    const part = await storage.get("t1/billboards/ad.txt", { start: 6, end: 10 });
    expect(part && (await text(part))).toBe("world");
    await storage.delete("t1/billboards/ad.txt");
    expect(await storage.get("t1/billboards/ad.txt")).toBeNull();
    expect(fake.requests.map((r) => r.method)).toEqual(["PUT", "GET", "GET", "DELETE", "GET"]);
  });

  it("refuses an escaping path before any request", async () => {
    const before = fake.requests.length;
    await expect(storage.get("../other-tenant/x")).rejects.toThrow(/unsafe storage path/);
    expect(fake.requests).toHaveLength(before);
  });

  it("requires a bucket when OMNIFY_STORAGE=s3", () => {
    const parsed = storageEnvSchema.safeParse({ OMNIFY_STORAGE: "s3" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["S3_BUCKET"]);
  });
});
