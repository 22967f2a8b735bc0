import { fileTypeFromBuffer } from "file-type";
import { imageSize } from "image-size";
import { parseBuffer } from "music-metadata";
import { badInput } from "../errors";

/** Types the host can measure; anything else is refused even if a manifest accepts it. */
export const PROBED_TYPES: Record<string, { ext: string; kind: "image" | "video" }> = {
  "image/png": { ext: "png", kind: "image" },
  "image/jpeg": { ext: "jpg", kind: "image" },
  "image/webp": { ext: "webp", kind: "image" },
  "image/gif": { ext: "gif", kind: "image" },
  "video/mp4": { ext: "mp4", kind: "video" },
  "video/webm": { ext: "webm", kind: "video" },
};

export type ProbedMedia = {
  contentType: string;
  ext: string;
  width: number;
  height: number;
  durationMs?: number;
};

const refuse = (message: string) => badInput("file", message);

async function probeVideo(bytes: Uint8Array, mime: string) {
  const meta = await parseBuffer(bytes, { mimeType: mime, size: bytes.length }, { duration: true });
  const video = meta.format.trackInfo.find((t) => t.video?.pixelWidth && t.video.pixelHeight);
  // A video-only MP4 has no format duration (it is computed from audio); the track has one.
  const seconds = meta.format.duration ?? video?.duration;
  if (!video?.video || !seconds || !Number.isFinite(seconds))
    throw refuse("The video has no readable video track or duration");
  return {
    width: video.video.pixelWidth ?? 0,
    height: video.video.pixelHeight ?? 0,
    durationMs: Math.round(seconds * 1000),
  };
}

/**
 * Reads what a file really is from its bytes (never its name or the browser's claim) and
 * measures it. Refusals are `BAD_INPUT` on field "file" with a message a person can act on.
 */
export async function probeMedia(
  bytes: Uint8Array,
  accept: readonly string[],
): Promise<ProbedMedia> {
  if (bytes.length === 0) throw refuse("The file is empty");
  const sniffed = await fileTypeFromBuffer(bytes);
  const known = sniffed ? PROBED_TYPES[sniffed.mime] : undefined;
  const allowed = accept.filter((t) => PROBED_TYPES[t]);
  if (!sniffed || !known || !allowed.includes(sniffed.mime))
    throw refuse(
      `This file is ${sniffed ? `${sniffed.mime}` : "not a recognised image or video"}; upload ${allowed.join(", ") || "nothing (no types accepted)"}`,
    );
  let measured: { width: number; height: number; durationMs?: number };
  try {
    measured = known.kind === "image" ? imageSize(bytes) : await probeVideo(bytes, sniffed.mime);
  } catch (error) {
    if (error instanceof Error && "field" in error) throw error;
    throw refuse(`The ${known.kind} could not be read; it may be damaged`);
  }
  if (!measured.width || !measured.height) throw refuse(`The ${known.kind} has no dimensions`);
  return {
    contentType: sniffed.mime,
    ext: known.ext,
    width: measured.width,
    height: measured.height,
    ...(measured.durationMs !== undefined ? { durationMs: measured.durationMs } : {}),
  };
}
