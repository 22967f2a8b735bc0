import { csrfRefusal } from "@omnify/api";
import { badInput } from "@omnify/core/errors";
import { MAX_ARCHIVE_BYTES } from "@omnify/core/export/read-archive";
import { requestImport } from "@omnify/core/export/requests";
import type { NextRequest } from "next/server";
import { requestMeta } from "../../../../server/request-meta";
import { callerFor, errorResponse } from "../transfer-caller";

/**
 * `POST /settings/export/import` (multipart, field `archive`): stores the upload and queues
 * its import into this (empty) sub-account. Same CSRF defence as tRPC mutations; access and
 * step-up through `exports.authorizeImport`.
 */
export async function POST(req: NextRequest) {
  try {
    const { caller, deps, tenant } = await callerFor(req);
    const refused = csrfRefusal(req, deps.config);
    if (refused) return refused;
    const { userId } = await caller.exports.authorizeImport();
    const length = Number(req.headers.get("content-length") ?? 0);
    if (length > MAX_ARCHIVE_BYTES + 64 * 1024) {
      throw badInput("archive", `The archive is larger than ${MAX_ARCHIVE_BYTES} bytes`);
    }
    const file = (await req.formData()).get("archive");
    // A Blob, not `instanceof File`: the multipart parser's File may come from another realm.
    if (!(file instanceof Blob) || file.size === 0) {
      throw badInput("archive", "Choose an export archive (.tar.gz)");
    }
    const job = await requestImport(deps.db, {
      tenant,
      userId,
      archive: new Uint8Array(await file.arrayBuffer()),
      exportDir: deps.exportDir,
      request: { ip: requestMeta(req.headers).ip },
    });
    return Response.json({ id: job.id }, { status: 202 });
  } catch (error) {
    return errorResponse(error);
  }
}
