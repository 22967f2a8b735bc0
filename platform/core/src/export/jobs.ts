import { rm } from "node:fs/promises";
import { type AppDatabase, sql } from "@omnify/db";
import { DomainError } from "../errors";
import { driverMessage, type PluginDataAccess } from "./plugin-data";
import { readArchive } from "./read-archive";
import { runImport } from "./run-import";
import { claimTransfer, updateTransfer } from "./transfers";
import { writeExport } from "./write-export";

export type TransferOutcome = { status: "succeeded" | "failed" | "skipped"; detail?: string };

/** A failure's message for the page: domain errors as written, anything else generic. */
function describe(error: unknown): string {
  if (error instanceof DomainError) return error.message;
  return `Internal error: ${driverMessage(error)}`;
}

/**
 * The worker's export job: claims the queued row (so a duplicate delivery does nothing),
 * writes the archive with visible progress, and records the outcome on the row.
 */
export async function exportTenant(
  db: AppDatabase,
  input: {
    tenantId: string;
    jobId: string;
    exportDir: string;
    /** Needed when the sub-account has plugins with tables (see PluginDataAccess). */
    plugins?: PluginDataAccess | null;
  },
): Promise<TransferOutcome> {
  if (!(await claimTransfer(db, input.tenantId, input.jobId))) return { status: "skipped" };
  const target = { db, tenantId: input.tenantId };
  try {
    const result = await writeExport(db, {
      ...input,
      onProgress: (progress, message) => updateTransfer(target, input.jobId, { progress, message }),
    });
    await updateTransfer(target, input.jobId, {
      status: "succeeded",
      progress: 100,
      message: `Exported ${result.rows} rows`,
      filePath: result.filePath,
      bytes: result.bytes,
    });
    return { status: "succeeded", detail: result.filePath };
  } catch (error) {
    await updateTransfer(target, input.jobId, {
      status: "failed",
      error: describe(error),
      message: "Failed",
    });
    return { status: "failed", detail: describe(error) };
  }
}

/**
 * The worker's import job: checks the uploaded archive, then imports it in one transaction
 * (see runImport). The upload is deleted afterwards, whatever the outcome.
 */
export async function importTenant(
  db: AppDatabase,
  input: { tenantId: string; jobId: string; plugins?: PluginDataAccess | null },
): Promise<TransferOutcome> {
  const row = await claimTransfer(db, input.tenantId, input.jobId);
  if (!row) return { status: "skipped" };
  const target = { db, tenantId: input.tenantId };
  try {
    if (!row.filePath)
      throw new DomainError("BAD_INPUT", "The import has no uploaded archive", "archive");
    const [tenant] = await db.withTenant(input.tenantId, (tx) =>
      tx.execute<{ kind: string }>(
        sql`select kind from tenants where id = ${input.tenantId}::uuid`,
      ),
    );
    if (tenant?.kind !== "subaccount")
      throw new DomainError("FORBIDDEN", "Imports go into sub-accounts");
    await updateTransfer(target, input.jobId, { progress: 2, message: "Checking the archive" });
    const archive = await readArchive(row.filePath, "The uploaded file");
    const result = await runImport(db, {
      ...input,
      archive,
      onProgress: (progress, message) => updateTransfer(target, input.jobId, { progress, message }),
    });
    return { status: "succeeded", detail: `${result.rows} rows` };
  } catch (error) {
    await updateTransfer(target, input.jobId, {
      status: "failed",
      error: describe(error),
      message: "Failed",
    });
    return { status: "failed", detail: describe(error) };
  } finally {
    if (row.filePath) await rm(row.filePath, { force: true });
  }
}
