import { createCaller } from "@omnify/api";
import { TRPCError } from "@trpc/server";
import type { NextRequest } from "next/server";
import { getDeps } from "../../../server/deps";
import { requestMeta } from "../../../server/request-meta";
import { sessionTokenFromCookie } from "../../../server/session-cookie";
import { requireTenant } from "../../../server/tenant";
import { filtersFromParams } from "../filters";

const STATUS: Partial<Record<TRPCError["code"], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
};

/**
 * `/audit/export.csv?action=…&actor=…&from=…&to=…`: the same filters as the page, through
 * `audit.exportCsv`, so the procedure's access check and its `audit.exported` record apply.
 */
export async function GET(req: NextRequest) {
  const parsed = filtersFromParams(req.nextUrl.searchParams);
  if (!parsed.ok) return new Response(parsed.error, { status: 400 });
  const deps = getDeps();
  const meta = requestMeta(req.headers);
  const caller = createCaller({
    db: deps.db,
    mailer: deps.mailer,
    config: deps.config,
    tenant: await requireTenant(),
    sessionToken: await sessionTokenFromCookie((name) => req.cookies.get(name)?.value),
    ...meta,
  });
  try {
    const { csv, filename } = await caller.audit.exportCsv(parsed.filters);
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && STATUS[error.code]) {
      return new Response(error.message, { status: STATUS[error.code] });
    }
    throw error;
  }
}
