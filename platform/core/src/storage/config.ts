import { z } from "zod";
import { createLocalStorage } from "./local-storage";
import type { ObjectStorage } from "./object-storage";
import { createS3Storage } from "./s3-storage";

const emptyAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = z.preprocess(emptyAsUndefined, z.string().optional());

/** The storage env fragment; the web app and the plugin runtime merge it into their env.ts. */
export const storageEnvSchema = z
  .object({
    OMNIFY_STORAGE: z.preprocess(emptyAsUndefined, z.enum(["local", "s3"]).default("local")),
    OMNIFY_STORAGE_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/storage")),
    S3_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
    S3_BUCKET: optional,
    S3_REGION: z.preprocess(emptyAsUndefined, z.string().default("us-east-1")),
    S3_ACCESS_KEY_ID: optional,
    S3_SECRET_ACCESS_KEY: optional,
    S3_FORCE_PATH_STYLE: z.preprocess(
      emptyAsUndefined,
      z.enum(["true", "false", "1", "0"]).default("false"),
    ),
  })
  .superRefine((e, ctx) => {
    if (e.OMNIFY_STORAGE === "s3" && !e.S3_BUCKET)
      ctx.addIssue({
        code: "custom",
        path: ["S3_BUCKET"],
        message: "is required when OMNIFY_STORAGE=s3",
      });
  });
export type StorageEnv = z.infer<typeof storageEnvSchema>;

/** The configured ObjectStorage: local disk unless OMNIFY_STORAGE=s3. */
export function createObjectStorage(env: StorageEnv): ObjectStorage {
  if (env.OMNIFY_STORAGE === "local") return createLocalStorage(env.OMNIFY_STORAGE_DIR);
  return createS3Storage({
    bucket: env.S3_BUCKET ?? "",
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "true" || env.S3_FORCE_PATH_STYLE === "1",
  });
}
