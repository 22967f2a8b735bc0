import { type AppDatabase, and, desc, eq, exportJobs, inArray, sql, type Tx } from "@omnify/db";
import { DomainError } from "../errors";
import { publishTenantEvent } from "../realtime/publish";
import type { ResolvedTenant } from "../tenancy/resolved-tenant";

/** NOTIFY channel the worker listens on to start a queued export or import at once. */
export const TRANSFER_CHANNEL = "omnify_transfers";
/** Realtime event the export page listens for (it also polls, for missed events). */
export const TRANSFER_EVENT = "export.updated";

export type TransferRow = typeof exportJobs.$inferSelect;
export type TransferSummary = Pick<
  TransferRow,
  "id" | "kind" | "status" | "progress" | "message" | "bytes" | "error" | "createdAt" | "finishedAt"
>;

export function toTransferSummary(row: TransferRow): TransferSummary {
  const { id, kind, status, progress, message, bytes, error, createdAt, finishedAt } = row;
  return { id, kind, status, progress, message, bytes, error, createdAt, finishedAt };
}

/** Exports and imports move one sub-account's data; agencies are not exported this way. */
export function assertSubaccount(tenant: Pick<ResolvedTenant, "kind">): void {
  if (tenant.kind !== "subaccount") {
    throw new DomainError("FORBIDDEN", "Export and import are available in sub-accounts");
  }
}

/** One export or import at a time per sub-account. */
export async function assertNoneRunning(tx: Tx): Promise<void> {
  const [busy] = await tx
    .select({ kind: exportJobs.kind })
    .from(exportJobs)
    .where(inArray(exportJobs.status, ["queued", "running"]))
    .limit(1);
  if (busy) throw new DomainError("CONFLICT", `An ${busy.kind} is already in progress`);
}

/** Inserts the job row and wakes the worker; both happen only if `tx` commits. */
export async function queueTransfer(
  tx: Tx,
  values: {
    tenantId: string;
    kind: "export" | "import";
    requestedBy: string;
    id?: string;
    filePath?: string;
  },
): Promise<TransferSummary> {
  const [row] = await tx
    .insert(exportJobs)
    .values({ ...values, message: "Waiting for the worker" })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await tx.execute(sql`select pg_notify(${TRANSFER_CHANNEL},
    json_build_object('tenantId', app.current_tenant(), 'id', ${row.id}::uuid, 'kind', ${row.kind}::text)::text)`);
  await publishTenantEvent(tx, TRANSFER_EVENT, { id: row.id });
  return toTransferSummary(row);
}

/** The sub-account's recent exports and imports, newest first. */
export async function listTransfers(tx: Tx): Promise<TransferSummary[]> {
  const rows = await tx.select().from(exportJobs).orderBy(desc(exportJobs.createdAt)).limit(20);
  return rows.map(toTransferSummary);
}

/** Takes a queued job for this run; null when another run (or a retry) already has it. */
export async function claimTransfer(db: AppDatabase, tenantId: string, id: string) {
  const [row] = await db.withTenant(tenantId, (tx) =>
    tx
      .update(exportJobs)
      .set({ status: "running", message: "Starting", updatedAt: sql`now()` })
      .where(and(eq(exportJobs.id, id), eq(exportJobs.status, "queued")))
      .returning(),
  );
  return row ?? null;
}

type Patch = Partial<
  Pick<TransferRow, "status" | "progress" | "message" | "filePath" | "bytes" | "error">
>;

/** Updates the visible row (in `tx`, or its own short transaction) and tells the page. */
export async function updateTransfer(
  target: { db: AppDatabase; tenantId: string } | { tx: Tx },
  id: string,
  patch: Patch,
): Promise<void> {
  const done = patch.status === "succeeded" || patch.status === "failed";
  const write = async (tx: Tx) => {
    await tx
      .update(exportJobs)
      .set({ ...patch, updatedAt: sql`now()`, ...(done ? { finishedAt: sql`now()` } : {}) })
      .where(eq(exportJobs.id, id));
    await publishTenantEvent(tx, TRANSFER_EVENT, { id, status: patch.status ?? null });
  };
  if ("tx" in target) await write(target.tx);
  else await target.db.withTenant(target.tenantId, write);
}

/** Reads one job row, e.g. for the download route. */
export async function getTransfer(tx: Tx, id: string): Promise<TransferRow> {
  const [row] = await tx.select().from(exportJobs).where(eq(exportJobs.id, id)).limit(1);
  if (!row) throw new DomainError("NOT_FOUND", "No such export", "id");
  return row;
}
