import { DomainError, type DomainErrorCode } from "@omnify/core";
import { TRPCError } from "@trpc/server";

type TrpcCode = TRPCError["code"];

const CODES: Record<DomainErrorCode, TrpcCode> = {
  BAD_INPUT: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHORIZED: "UNAUTHORIZED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
};

/** The DomainError behind a tRPC error, however many wrappers deep. */
export function domainCause(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Re-issues a domain failure with the matching tRPC code (and so HTTP status). */
export function toTrpcError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODES[error.code], message: error.message, cause: error });
}

type Issue = { path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string };

/** Zod (or any Standard Schema) issues grouped by top-level field, as forms want them. */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  const out: Record<string, string[]> = {};
  for (const issue of issues as Issue[]) {
    const head = issue.path?.[0];
    const key = typeof head === "object" && head !== null ? head.key : head;
    const field = key === undefined ? "" : String(key);
    out[field] ??= [];
    out[field].push(issue.message);
  }
  return out;
}
