import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { trustValidatedHostForNextAuth } from "../../../../env";
import { buildAuthOptions } from "../../../../server/auth-options";
import { requestMeta } from "../../../../server/request-meta";
import { getTenant } from "../../../../server/tenant";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth v4 "advanced initialization": options are built per request, because the
 * tenant (and so the session's scope) comes from the validated Host.
 */
async function handler(req: NextRequest, ctx: Context) {
  const tenant = await getTenant();
  if (!tenant) return Response.json({ error: "Unknown host" }, { status: 404 });
  trustValidatedHostForNextAuth();
  return NextAuth(req, ctx, buildAuthOptions(tenant, requestMeta(req.headers)));
}

export { handler as GET, handler as POST };
