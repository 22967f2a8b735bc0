import type { NextRequest } from "next/server";
import { requestMeta } from "../../../../server/request-meta";
import { getRestHandlers } from "../../../../server/rest";

/**
 * The public REST API (`/api/v1/*`). Authenticated by `Authorization: Bearer <api key>`
 * only, never by cookies, so it needs no CSRF defence; the key's row names the tenant.
 */
async function handler(req: NextRequest) {
  return getRestHandlers().rest(req, { ip: requestMeta(req.headers).ip });
}

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
