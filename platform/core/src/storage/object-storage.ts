import type { Readable } from "node:stream";

/** An inclusive byte range, as in an HTTP `Range: bytes=start-end` header. */
export type ByteRange = { start: number; end: number };

/**
 * Where stored bytes live: a local directory by default, or an S3-compatible bucket. Paths
 * are `/`-separated and already namespaced by the caller (see pluginObjectPath).
 */
export interface ObjectStorage {
  readonly kind: "local" | "s3";
  put(path: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The bytes (or one range of them); null when nothing is stored at `path`. */
  get(path: string, range?: ByteRange): Promise<Readable | null>;
  delete(path: string): Promise<void>;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Refuses any path that could climb out of its namespace (`..`, empty parts, backslashes). */
export function assertSafePath(path: string): void {
  const parts = path.split("/");
  if (path.length > 512 || parts.length < 1 || !parts.every((p) => SEGMENT.test(p)))
    throw new Error(`unsafe storage path '${path.slice(0, 100)}'`);
}
