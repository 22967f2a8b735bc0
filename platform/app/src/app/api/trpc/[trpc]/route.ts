import type { NextRequest } from "next/server";
import { getDeps } from "../../../../server/deps";
import { requestMeta } from "../../../../server/request-meta";
import { sessionTokenFromCookie } from "../../../../server/session-cookie";

/**
 * tRPC over fetch. The next-auth JWT is decoded here only to pull out the opaque session
 * token; the API validates it against the Host's tenant on every call that needs a user.
 */
async function handler(req: NextRequest) {
  const sid = await sessionTokenFromCookie((name) => req.cookies.get(name)?.value);
  return getDeps().trpc(req, sid, { ip: requestMeta(req.headers).ip });
}

export { handler as GET, handler as POST };
