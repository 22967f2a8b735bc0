import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { exportDownload } from "@omnify/core/export/requests";
import type { NextRequest } from "next/server";
import { callerFor, errorResponse } from "../../transfer-caller";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/settings/export/<id>/download`: the archive of a finished export, for its admins only. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  if (!UUID.test(id)) return new Response("No such export", { status: 404 });
  try {
    const { caller, deps, tenant } = await callerFor(req);
    // The procedure's gate (signed in, owner or admin, sub-account) before any file access.
    await caller.exports.find();
    const file = await deps.db.withTenant(tenant.id, (tx) => exportDownload(tx, { tenant, id }));
    const size = (await stat(file.filePath)).size;
    const body = Readable.toWeb(createReadStream(file.filePath)) as ReadableStream;
    return new Response(body, {
      headers: {
        "content-type": "application/gzip",
        "content-length": String(size),
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") {
      return new Response("The archive is no longer on the server", { status: 410 });
    }
    return errorResponse(error);
  }
}
