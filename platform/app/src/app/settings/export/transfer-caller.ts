import { createCaller } from "@omnify/api";
import { DomainError } from "@omnify/core/errors";
import { TRPCError } from "@trpc/server";
import type { NextRequest } from "next/server";
import { getDeps } from "../../../server/deps";
import { requestMeta } from "../../../server/request-meta";
import { sessionTokenFromCookie } from "../../../server/session-cookie";
import { requireTenant } from "../../../server/tenant";

const STATUS: Record<string, number> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  BAD_REQUEST: 400,
  BAD_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

/** A tRPC caller for this request, so the routes below share the procedures' access rules. */
export async function callerFor(req: NextRequest) {
  const deps = getDeps();
  const tenant = await requireTenant();
  const caller = createCaller({
    db: deps.db,
    mailer: deps.mailer,
    config: deps.config,
    tenant,
    sessionToken: await sessionTokenFromCookie((name) => req.cookies.get(name)?.value),
    ...requestMeta(req.headers),
  });
  return { caller, deps, tenant };
}

/**
 * An expected failure as JSON the page can show: `{ error: { message, field } }`, where a
 * step-up refusal carries `data.field = "stepUp"` like a tRPC error, so useStepUp() works.
 */
export function errorResponse(error: unknown): Response {
  const domain =
    error instanceof DomainError
      ? error
      : error instanceof TRPCError && error.cause instanceof DomainError
        ? error.cause
        : null;
  const code = domain?.code ?? (error instanceof TRPCError ? error.code : null);
  const status = code ? STATUS[code] : undefined;
  if (!status) throw error;
  const message = error instanceof Error ? error.message : String(error);
  const field = domain?.field ?? null;
  return Response.json({ error: { message, field, data: { field } } }, { status });
}
