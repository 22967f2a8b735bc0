import { DomainError, pollDevicePairing, startDevicePairing } from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { toTrpcError } from "../errors";

const headers = { "content-type": "application/json", "cache-control": "no-store" };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers });

function failure(error: unknown): Response {
  if (!(error instanceof DomainError)) throw error;
  const status = getHTTPStatusCodeFromError(toTrpcError(error));
  return json(status, {
    error: { code: error.code, message: error.message, field: error.field ?? null },
  });
}

/**
 * The two anonymous endpoints a screen uses before it has a token:
 * `POST /api/devices/pair` → { code, pairingId, pollToken, expiresAt } and
 * `POST /api/devices/pair/poll` { pairingId, pollToken } → pending, or the token once.
 */
export function createDevicePairingHandlers(db: AppDatabase) {
  return {
    async pair(): Promise<Response> {
      try {
        return json(201, await startDevicePairing(db));
      } catch (error) {
        return failure(error);
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
        return failure(error);
      }
    },
  };
}
