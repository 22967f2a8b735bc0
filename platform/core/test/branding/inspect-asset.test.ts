import { describe, expect, it } from "vitest";
import { inspectBrandAsset } from "../../src/branding/inspect-asset";
import { DomainError } from "../../src/errors";
import { ico, png, SVG } from "./images";

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

describe("inspectBrandAsset", () => {
  it("accepts a PNG logo and reads its type from the bytes, with its dimensions and hash", async () => {
    const asset = await inspectBrandAsset("logo", png(120, 40));
    expect(asset).toMatchObject({ contentType: "image/png", width: 120, height: 40 });
    expect(asset.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts an ICO favicon", async () => {
    const asset = await inspectBrandAsset("favicon", ico(32));
    expect(asset).toMatchObject({ contentType: "image/x-icon", width: 32, height: 32 });
  });

  it("refuses bytes that are not an image, naming the field", async () => {
    const e = await refusal(inspectBrandAsset("logo", Buffer.from("just some text, not a PNG")));
    expect(e.field).toBe("logo");
    expect(e.message).toMatch(/not an image.*PNG, JPEG, WebP/);
  });

  it("refuses a logo over 512 KB and a favicon over 64 KB", async () => {
    const big = await refusal(inspectBrandAsset("logo", png(4, 4, undefined, 600 * 1024)));
    expect(big.field).toBe("logo");
    expect(big.message).toContain("the limit is 512 KB");
    const fav = await refusal(inspectBrandAsset("favicon", png(4, 4, undefined, 70 * 1024)));
    expect(fav.field).toBe("favicon");
    expect(fav.message).toContain("the limit is 64 KB");
  });

  it("refuses SVG (it can carry script)", async () => {
    const e = await refusal(inspectBrandAsset("logo", SVG));
    expect(e.message).toContain("SVG is not accepted");
  });

  it("refuses a real image of a type the slot does not take", async () => {
    const e = await refusal(inspectBrandAsset("favicon", Buffer.from(await webpHeader())));
    expect(e.field).toBe("favicon");
  });
});

/** A WebP header is enough for file-type to name the type (the favicon slot refuses it). */
async function webpHeader(): Promise<Uint8Array> {
  const riff = Buffer.alloc(30);
  riff.write("RIFF", 0, "ascii");
  riff.writeUInt32LE(22, 4);
  riff.write("WEBPVP8 ", 8, "ascii");
  return riff;
}
