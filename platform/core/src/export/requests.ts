import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { AppDatabase, Tx } from "@omnify/db";
import { type RequestMeta, recordAudit } from "../audit/record";
import { badInput, DomainError } from "../errors";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";
import { tenantTableCatalog } from "./catalog";
import { PluginImports } from "./plugin-import";
import { MAX_ARCHIVE_BYTES, readArchive } from "./read-archive";
import { assertFresh } from "./run-import";
import {
  assertNoneRunning,
  assertSubaccount,
  getTransfer,
  queueTransfer,
  type TransferSummary,
} from "./transfers";

/** Queues an export of the sub-account; the worker writes the archive. */
export async function requestExport(
  tx: Tx,
  input: { tenant: ResolvedTenant; userId: string; request?: RequestMeta },
): Promise<TransferSummary> {
  assertSubaccount(input.tenant);
  await assertNoneRunning(tx);
  const job = await queueTransfer(tx, {
    tenantId: input.tenant.id,
    kind: "export",
    requestedBy: input.userId,
  });
  await recordAudit(tx, {
    action: "tenant.exported",
    actor: { userId: input.userId },
    target: { type: "export", id: job.id },
    request: input.request,
  });
  return job;
}

/**
 * Stores an uploaded archive and queues its import. The archive (manifest, hashes), the
 * target's emptiness and its plugins' versions are checked now, so a bad upload fails at
 * once with a clear message; the worker checks them again inside the import's transaction.
 */
export async function requestImport(
  db: AppDatabase,
  input: {
    tenant: ResolvedTenant;
    userId: string;
    archive: Uint8Array;
    exportDir: string;
    request?: RequestMeta;
  },
): Promise<TransferSummary> {
  assertSubaccount(input.tenant);
  if (input.archive.byteLength === 0)
    throw badInput("archive", "Choose an export archive (.tar.gz)");
  if (input.archive.byteLength > MAX_ARCHIVE_BYTES) {
    throw badInput("archive", `The archive is larger than ${MAX_ARCHIVE_BYTES} bytes`);
  }
  const id = randomUUID();
  const filePath = join(input.exportDir, "imports", input.tenant.id, `${id}.tar.gz`);
  await mkdir(dirname(filePath), { recursive: true });
  await writeFile(filePath, input.archive, { mode: 0o600 });
  try {
    const archive = await readArchive(filePath, "The uploaded file");
    return await db.withTenant(input.tenant.id, async (tx) => {
      await assertNoneRunning(tx);
      await assertFresh(tx, await tenantTableCatalog(tx), input.tenant.id);
      await new PluginImports(archive, input.tenant.id, null).checkVersions(tx);
      const job = await queueTransfer(tx, {
        id,
        tenantId: input.tenant.id,
        kind: "import",
        requestedBy: input.userId,
        filePath,
      });
      await recordAudit(tx, {
        action: "tenant.importRequested",
        actor: { userId: input.userId },
        target: { type: "import", id },
        request: input.request,
      });
      return job;
    });
  } catch (error) {
    await rm(filePath, { force: true });
    throw error;
  }
}

/** The archive of a finished export, for the authenticated download route. */
export async function exportDownload(
  tx: Tx,
  input: { tenant: ResolvedTenant; id: string },
): Promise<{ filePath: string; fileName: string }> {
  assertSubaccount(input.tenant);
  const row = await getTransfer(tx, input.id);
  if (row.kind !== "export" || row.status !== "succeeded" || !row.filePath) {
    throw new DomainError("NOT_FOUND", "This export has no archive to download", "id");
  }
  const day = (row.finishedAt ?? row.createdAt).toISOString().slice(0, 10);
  return { filePath: row.filePath, fileName: `${input.tenant.slug}-export-${day}.tar.gz` };
}
