import { getRestHandlers } from "../../../../server/rest";

type Params = { params: Promise<{ path: string[] }> };

/** A plugin object by its HMAC-signed URL (see createPluginFileHandler). */
export async function GET(req: Request, ctx: Params) {
  return getRestHandlers().files(req, (await ctx.params).path);
}

export async function HEAD(req: Request, ctx: Params) {
  return getRestHandlers().files(req, (await ctx.params).path);
}
