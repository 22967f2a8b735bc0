import type { StoredObject } from "@omnify/plugin-sdk";
import { type Ctx, fail } from "../lib/context.ts";
import type { Screen } from "../lib/screens.ts";

const IMAGES = ["image/png", "image/jpeg", "image/webp"];
const VIDEOS = ["video/mp4", "video/webm"];
/** How far a creative's aspect ratio may stray from the screen's (2%). */
const ASPECT_TOLERANCE = 0.02;

/**
 * Checks an uploaded creative against the screen it is for, by what the host probed from
 * the bytes: type, size, dimensions (same aspect ratio, between half and twice the screen's
 * resolution) and, for video, duration (at least 1 s, at most one spot). Returns how long
 * it plays: a video's own length, an image for the whole spot.
 */
export function validateCreative(ctx: Ctx, screen: Screen, o: StoredObject): number {
  const f = "key";
  const isImage = IMAGES.includes(o.contentType);
  const isVideo = VIDEOS.includes(o.contentType);
  if (!isImage && !isVideo)
    fail(
      "invalid_creative",
      `${f}: ${o.contentType} is not a creative type; upload PNG, JPEG, WebP, MP4 or WebM`,
    );
  const maxMb = isImage ? ctx.settings.maxImageMb : ctx.settings.maxVideoMb;
  if (o.size > maxMb * 1024 * 1024)
    fail(
      "invalid_creative",
      `${f}: ${(o.size / 1048576).toFixed(1)} MB is over the ${maxMb} MB limit for ${isImage ? "images" : "videos"}`,
    );
  if (!o.width || !o.height)
    fail("invalid_creative", `${f}: could not read the dimensions of the file`);
  const { width, height } = screen.resolution;
  const ratio = o.width / o.height / (width / height);
  if (Math.abs(ratio - 1) > ASPECT_TOLERANCE)
    fail(
      "invalid_creative",
      `${f}: ${o.width}×${o.height} does not fit the screen's ${width}×${height} (different aspect ratio)`,
    );
  if (o.width < width / 2 || o.width > width * 2)
    fail(
      "invalid_creative",
      `${f}: ${o.width}×${o.height} is too ${o.width < width / 2 ? "small" : "large"} for the screen's ${width}×${height}`,
    );
  const spotMs = screen.spotSeconds * 1000;
  if (isImage) return spotMs;
  const duration = o.durationMs ?? 0;
  if (duration < 1000) fail("invalid_creative", `${f}: the video is shorter than 1 second`);
  if (duration > spotMs)
    fail(
      "invalid_creative",
      `${f}: the video runs ${(duration / 1000).toFixed(1)} s, longer than the ${screen.spotSeconds} s spot`,
    );
  return duration;
}
