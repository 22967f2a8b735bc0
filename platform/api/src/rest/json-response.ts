import { DomainError } from "@omnify/core";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { toTrpcError } from "../errors";

const headers = { "content-type": "application/json", "cache-control": "no-store" };

export const json = (status: number, body: unknown, extra: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { ...headers, ...extra } });

/** `{ error: { code, message, field } }` with the status a DomainError maps to. */
export function errorJson(status: number, code: string, message: string, field?: string | null) {
  return json(status, { error: { code, message, field: field ?? null } });
}

/** A DomainError as its HTTP answer; anything else is a bug and rethrown. */
export function domainFailure(error: unknown): Response {
  if (!(error instanceof DomainError)) throw error;
  const status = getHTTPStatusCodeFromError(toTrpcError(error));
  return errorJson(status, error.code, error.message, error.field);
}
