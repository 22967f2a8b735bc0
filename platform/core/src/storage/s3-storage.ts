import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { assertSafePath, type ObjectStorage } from "./object-storage";

export type S3StorageConfig = {
  bucket: string;
  region: string;
  endpoint?: string | undefined;
  accessKeyId?: string | undefined;
  secretAccessKey?: string | undefined;
  /** MinIO and most self-hosted S3 need path-style URLs. */
  forcePathStyle: boolean;
};

/** An S3-compatible bucket through the AWS SDK (AWS, MinIO, R2, …). */
export function createS3Storage(config: S3StorageConfig, client?: S3Client): ObjectStorage {
  const s3 =
    client ??
    new S3Client({
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      ...(config.accessKeyId && config.secretAccessKey
        ? {
            credentials: {
              accessKeyId: config.accessKeyId,
              secretAccessKey: config.secretAccessKey,
            },
          }
        : {}),
    });
  const Bucket = config.bucket;
  const keyOf = (path: string) => {
    assertSafePath(path);
    return path;
  };
  return {
    kind: "s3",
    async put(path, bytes, contentType) {
      await s3.send(
        new PutObjectCommand({ Bucket, Key: keyOf(path), Body: bytes, ContentType: contentType }),
      );
    },
    async get(path, range) {
      try {
        const out = await s3.send(
          new GetObjectCommand({
            Bucket,
            Key: keyOf(path),
            ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
          }),
        );
        return (out.Body as Readable | undefined) ?? null;
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },
    async delete(path) {
      await s3.send(new DeleteObjectCommand({ Bucket, Key: keyOf(path) }));
    },
  };
}
