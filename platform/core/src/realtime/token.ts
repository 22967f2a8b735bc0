import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Who a realtime socket speaks for: a member, or a paired screen (its own room only). The
 * gateway trusts nothing else from the client.
 */
export type RealtimeTokenPayload =
  | { tenantId: string; userId: string; exp: number }
  | { tenantId: string; deviceId: string; exp: number };

const memberSchema = z.strictObject({
  tenantId: z.uuid(),
  userId: z.uuid(),
  exp: z.number().int().positive(),
});
const deviceSchema = z.strictObject({
  tenantId: z.uuid(),
  deviceId: z.uuid(),
  exp: z.number().int().positive(),
});
const payloadSchema = z.union([memberSchema, deviceSchema]);

// HMAC-SHA256 is only as strong as its key; a short secret is a deployment mistake, so it
// fails loudly here instead of minting guessable tokens.
const MIN_SECRET_LENGTH = 16;

function assertSecret(secret: string): void {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`realtime secret must be at least ${MIN_SECRET_LENGTH} characters`);
  }
}

function mac(body: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(body).digest();
}

/** `<base64url(JSON payload)>.<base64url(HMAC-SHA256 of the first part)>`, valid for ttlSeconds. */
export function signRealtimeToken(
  subject: { tenantId: string; userId: string },
  secret: string,
  ttlSeconds = 300,
  now: Date = new Date(),
): string {
  const payload = memberSchema.parse({
    tenantId: subject.tenantId,
    userId: subject.userId,
    exp: Math.floor(now.getTime() / 1000) + ttlSeconds,
  });
  return seal(payload, secret);
}

/** A screen's token: joins only `device:<deviceId>`; same format and expiry as a member's. */
export function signDeviceRealtimeToken(
  subject: { tenantId: string; deviceId: string },
  secret: string,
  ttlSeconds = 300,
  now: Date = new Date(),
): string {
  const payload = deviceSchema.parse({
    tenantId: subject.tenantId,
    deviceId: subject.deviceId,
    exp: Math.floor(now.getTime() / 1000) + ttlSeconds,
  });
  return seal(payload, secret);
}

function seal(payload: RealtimeTokenPayload, secret: string): string {
  assertSecret(secret);
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body, secret).toString("base64url")}`;
}

/** The payload when the signature matches and the token has not expired; otherwise null. */
export function verifyRealtimeToken(
  token: unknown,
  secret: string,
  now: Date = new Date(),
): RealtimeTokenPayload | null {
  assertSecret(secret);
  if (typeof token !== "string" || token.length > 1024) return null;
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;

  const expected = mac(body, secret);
  const given = Buffer.from(signature, "base64url");
  // timingSafeEqual throws on unequal lengths; the length of a MAC is public anyway.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  return parsed.data.exp * 1000 > now.getTime() ? parsed.data : null;
}
