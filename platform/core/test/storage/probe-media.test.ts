import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/errors";
import { probeMedia } from "../../src/storage/probe-media";

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../fixtures/media/${name}`, import.meta.url)));
const ALL = ["image/png", "image/jpeg", "video/mp4", "video/webm"];

async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${error}`);
  return error;
}

describe("probeMedia", () => {
  it.each([
    ["still-64x48.png", { contentType: "image/png", ext: "png", width: 64, height: 48 }],
    ["still-64x48.jpg", { contentType: "image/jpeg", ext: "jpg", width: 64, height: 48 }],
  ])("measures the image %s from its bytes", async (name, expected) => {
    expect(await probeMedia(fixture(name), ALL)).toEqual(expected);
  });

  it.each([
    ["clip-320x180-2s.mp4", "video/mp4", "mp4"],
    ["clip-320x180-2s.webm", "video/webm", "webm"],
  ])("measures the video %s: type, dimensions and duration", async (name, type, ext) => {
    const probed = await probeMedia(fixture(name), ALL);
    expect(probed).toMatchObject({ contentType: type, ext, width: 320, height: 180 });
    expect(probed.durationMs).toBeGreaterThanOrEqual(1900);
    expect(probed.durationMs).toBeLessThanOrEqual(2100);
  });

  it("refuses a type the plugin does not accept, naming field 'file'", async () => {
    const e = await refusal(probeMedia(fixture("still-32x32.gif"), ALL));
    expect(e.field).toBe("file");
    expect(e.message).toMatch(
      /image\/gif.*upload image\/png, image\/jpeg, video\/mp4, video\/webm/,
    );
  });

  it("trusts the bytes, not a name: a PNG is refused where only video is accepted", async () => {
    const e = await refusal(probeMedia(fixture("still-64x48.png"), ["video/mp4"]));
    expect(e.message).toMatch(/image\/png/);
  });

  it.each([
    ["text", new TextEncoder().encode("<html><script>alert(1)</script></html>")],
    ["empty", new Uint8Array()],
  ])("refuses %s content", async (_label, bytes) => {
    const e = await refusal(probeMedia(bytes, ALL));
    expect(e.field).toBe("file");
  });

  it("refuses a truncated video whose header promises more than it has", async () => {
    const cut = fixture("clip-320x180-2s.webm").slice(0, 200);
    const e = await refusal(probeMedia(cut, ALL));
    expect(e.field).toBe("file");
  });
});
