import {
  consumeAnonymousRateLimit,
  DomainError,
  pollDevicePairing,
  type RateLimitPolicy,
  rateLimitHeaders,
  startDevicePairing,
} from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import { domainFailure, errorJson, json } from "./json-response";

/** Codes one address may ask for: a screen asks once per ten minutes; a room of them, more. */
export const PAIRING_RATE_LIMIT: RateLimitPolicy = { limit: 30, windowSeconds: 600 };

/**
 * The two anonymous endpoints a screen uses before it has a token:
 * `POST /api/devices/pair` → { code, pairingId, pollToken, expiresAt } and
 * `POST /api/devices/pair/poll` { pairingId, pollToken } → pending, or the token once.
 * Asking for codes is rate-limited per client address (429 with Retry-After), since each
 * one is a row written by an anonymous caller.
 */
export function createDevicePairingHandlers(
  db: AppDatabase,
  options: { pairLimit?: RateLimitPolicy } = {},
) {
  const policy = options.pairLimit ?? PAIRING_RATE_LIMIT;
  return {
    async pair(meta: { ip: string | null } = { ip: null }): Promise<Response> {
      try {
        if (meta.ip) {
          const limit = await consumeAnonymousRateLimit(db, {
            scope: "devices.pair",
            client: meta.ip,
            policy,
          });
          if (!limit.allowed) {
            const response = errorJson(
              429,
              "RATE_LIMITED",
              `Too many pairing codes from this address; try again in ${limit.resetSeconds} s`,
            );
            for (const [k, v] of Object.entries(rateLimitHeaders(limit)))
              response.headers.set(k, v);
            return response;
          }
        }
        return json(201, await startDevicePairing(db));
      } catch (error) {
        return domainFailure(error);
      }
    },
    async poll(req: Request): Promise<Response> {
      try {
        const body = (await req.json().catch(() => null)) as Record<string, unknown> | null;
        const pairingId = typeof body?.pairingId === "string" ? body.pairingId : "";
        const pollToken = typeof body?.pollToken === "string" ? body.pollToken : "";
        if (!pairingId) throw new DomainError("BAD_INPUT", "pairingId is required", "pairingId");
        const result = await pollDevicePairing(db, { pairingId, pollToken });
        return json(200, result);
      } catch (error) {
        return domainFailure(error);
      }
    },
  };
}
