import type { NextRequest } from "next/server";
import { getRestHandlers } from "../../../../../server/rest";
import { sessionTokenFromCookie } from "../../../../../server/session-cookie";
import { getTenant } from "../../../../../server/tenant";

/** A member uploads a file for a plugin's `ctx.storage` (multipart field `file`). */
export async function POST(req: NextRequest, ctx: { params: Promise<{ pluginId: string }> }) {
  const { pluginId } = await ctx.params;
  return getRestHandlers().uploads(req, {
    tenant: await getTenant(),
    sessionToken: await sessionTokenFromCookie((name) => req.cookies.get(name)?.value),
    pluginId,
  });
}
