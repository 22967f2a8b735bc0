import { sql } from "drizzle-orm";
import { bigint, check, index, integer, text, uuid } from "drizzle-orm/pg-core";
import { definerReadPolicy } from "../policies/tenant";
import { timestamps, timestamptz } from "./columns";
import { users } from "./identity";
import { tenantIdColumn, tenantTable } from "./tenant-table";

export const transferKinds = ["export", "import"] as const;
export type TransferKind = (typeof transferKinds)[number];
export const transferStatuses = ["queued", "running", "succeeded", "failed"] as const;
export type TransferStatus = (typeof transferStatuses)[number];

/**
 * A tenant's data export or import, run by the worker. The row is the visible progress
 * (the page polls it) and, once an export succeeds, points at its archive on disk.
 */
export const exportJobs = tenantTable(
  "export_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: tenantIdColumn(),
    kind: text("kind", { enum: transferKinds }).notNull(),
    status: text("status", { enum: transferStatuses }).notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    message: text("message").notNull().default(""),
    /** The export's archive, or the uploaded archive an import reads. */
    filePath: text("file_path"),
    bytes: bigint("bytes", { mode: "number" }),
    error: text("error"),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    ...timestamps(),
    finishedAt: timestamptz("finished_at"),
  },
  (t) => [
    index("export_jobs_tenant_created_idx").on(t.tenantId, t.createdAt),
    check("export_jobs_progress_check", sql`${t.progress} between 0 and 100`),
    // The dispatcher finds queued jobs (ids only) through app.queued_export_jobs().
    definerReadPolicy(),
  ],
);
