import { HostApiError } from "@omnify/plugin-sdk";
import { HTTP_METHODS, STORAGE_KEY } from "@omnify/plugin-sdk/manifest";
import { z } from "zod";
import { paymentArgSchemas } from "./payments.ts";

/** Host-side schemas for every bridge method's arguments: the sandbox is not trusted. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const deviceId = z.string().regex(UUID, "must be a device id (UUID)");
const storageKey = z
  .string()
  .regex(
    STORAGE_KEY,
    "must be 1-8 parts of A-Z a-z 0-9 . _ - joined by '/', none starting with '.'",
  );
const headerRecord = z.record(z.string().max(200), z.string().max(8000));
export const argSchemas = {
  ...paymentArgSchemas,
  log: z.strictObject({
    level: z.enum(["info", "warn", "error"]),
    message: z.string(),
    data: z.unknown().optional(),
  }),
  fetch: z.strictObject({
    url: z.string().max(8000),
    method: z.enum(HTTP_METHODS),
    headers: headerRecord.default({}),
    body: z.string().optional(),
    auth: z
      .strictObject({
        secret: z.string().max(100),
        header: z
          .string()
          .regex(/^[A-Za-z0-9-]{1,100}$/)
          .optional(),
        scheme: z
          .string()
          .regex(/^[A-Za-z0-9._-]{0,40}$/)
          .optional(),
      })
      .optional(),
    timeoutMs: z.number().int().positive().optional(),
    redirect: z.enum(["follow", "manual"]).optional(),
    responseEncoding: z.enum(["utf8", "base64"]).optional(),
  }),
  "events.emit": z.strictObject({ type: z.string().max(100), payload: z.unknown() }),
  "realtime.publish": z.strictObject({
    channel: z.string().max(100),
    payload: z.unknown(),
    deviceId: deviceId.optional(),
  }),
  "devices.claim": z.strictObject({ code: z.string().max(64), name: z.string().max(200) }),
  "devices.revoke": z.strictObject({ deviceId }),
  "devices.list": z.strictObject({}),
  "storage.stat": z.strictObject({ key: storageKey }),
  "storage.url": z.strictObject({ key: storageKey }),
  "storage.put": z.strictObject({
    key: storageKey,
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, "must be base64"),
    contentType: z.string().max(200),
  }),
  "storage.delete": z.strictObject({ key: storageKey }),
  meter: z.strictObject({
    name: z.string().max(100),
    quantity: z.number().finite().nonnegative(),
    idempotencyKey: z.string().min(1).max(200),
    subject: z.string().min(1).max(200).optional(),
  }),
  "jobs.enqueue": z.strictObject({
    jobId: z.string().max(100),
    payload: z.unknown(),
    options: z
      .strictObject({
        delaySeconds: z.number().int().min(0).max(31_536_000).optional(),
        singletonKey: z.string().max(200).optional(),
        retryLimit: z.number().int().min(0).max(20).optional(),
      })
      .optional(),
  }),
  "db.query": z.strictObject({
    sql: z.string().max(100_000),
    params: z.array(z.unknown()).max(10_000),
    method: z.enum(["all", "execute"]),
  }),
} as const;
export type HostMethod = keyof typeof argSchemas;

export function parseArgs<M extends HostMethod>(
  method: M,
  args: unknown,
): z.output<(typeof argSchemas)[M]> {
  const r = argSchemas[method].safeParse(args);
  if (!r.success) {
    const detail = r.error.issues
      .map((i) => `${i.path.join(".") || "(args)"}: ${i.message}`)
      .join("; ");
    throw new HostApiError("bad_request", `${method}: ${detail}`);
  }
  return r.data as z.output<(typeof argSchemas)[M]>;
}
