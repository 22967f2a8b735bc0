import {
  badInput,
  type CoreConfig,
  DomainError,
  findAccess,
  type ObjectStorage,
  probeMedia,
  putPluginObject,
  type ResolvedTenant,
  sha256Hex,
  validateAuthSession,
} from "@omnify/core";
import type { AppDatabase } from "@omnify/db";
import { csrfRefusal } from "../csrf";
import { installedManifest } from "./installed-manifest";
import { domainFailure, json } from "./json-response";

export type PluginUploadDeps = { db: AppDatabase; storage: ObjectStorage; config: CoreConfig };
export type UploadRequest = {
  tenant: ResolvedTenant | null;
  sessionToken: string | null;
  pluginId: string;
};

const MB = 1024 * 1024;

async function signedInMember(deps: PluginUploadDeps, r: UploadRequest) {
  if (!r.tenant) throw new DomainError("NOT_FOUND", "Unknown workspace");
  const session = await validateAuthSession(deps.db, r.tenant.id, r.sessionToken);
  if (!session) throw new DomainError("UNAUTHORIZED", "Sign in first");
  const actor = await findAccess(deps.db, r.tenant, session.userId);
  if (!actor) throw new DomainError("FORBIDDEN", "No access to this workspace");
  return r.tenant;
}

/**
 * `POST /api/plugins/<pluginId>/uploads` (multipart field `file`), for a signed-in member,
 * with tRPC's CSRF defence. The type is sniffed from the bytes and the media measured; the
 * plugin's `capabilities.storage` decides what is accepted and how large. Stored under the
 * content-addressed key `<sha256>.<ext>`; 201 with what `ctx.storage.stat` will return.
 */
export function createPluginUploadHandler(deps: PluginUploadDeps) {
  return async (req: Request, r: UploadRequest): Promise<Response> => {
    try {
      const refused = csrfRefusal(req, deps.config);
      if (refused) return refused;
      const tenant = await signedInMember(deps, r);
      const storage = (await installedManifest(deps.db, tenant.id, r.pluginId)).capabilities
        .storage;
      if (!storage)
        throw new DomainError("NOT_FOUND", `${r.pluginId} does not store files`, "pluginId");
      const max = storage.maxObjectMb * MB;
      const tooLarge = () =>
        badInput("file", `The file is larger than ${storage.maxObjectMb} MB; upload a smaller one`);
      // Refused before the body is read when the client says it is too large.
      if (Number(req.headers.get("content-length") ?? 0) > max + 64 * 1024) throw tooLarge();
      const form = await req.formData().catch(() => null);
      const file = form?.get("file");
      // A Blob, not `instanceof File`: the multipart parser's File may come from another realm.
      if (!(file instanceof Blob) || file.size === 0)
        throw badInput("file", "Choose a file to upload");
      if (file.size > max) throw tooLarge();
      const bytes = new Uint8Array(await file.arrayBuffer());
      const probed = await probeMedia(bytes, storage.accept);
      const key = `${sha256Hex(bytes)}.${probed.ext}`;
      const stored = await deps.db.withTenant(tenant.id, (tx) =>
        putPluginObject(tx, deps.storage, {
          tenantId: tenant.id,
          pluginId: r.pluginId,
          key,
          bytes,
          contentType: probed.contentType,
          width: probed.width,
          height: probed.height,
          ...(probed.durationMs !== undefined ? { durationMs: probed.durationMs } : {}),
        }),
      );
      return json(201, stored);
    } catch (error) {
      return domainFailure(error);
    }
  };
}
