import { sql } from "@omnify/db";
import type { z } from "zod";
import type { JobHandler } from "./define-job";
import type { dispatchTransfersPayload } from "./dispatch-transfers";
import { startTransfer } from "./transfer-listener";

const run: JobHandler<z.output<typeof dispatchTransfersPayload>> = async (_p, { db, boss }) => {
  const queued = await db.withoutTenant((tx) =>
    tx.execute<{ tenant_id: string; id: string; kind: string }>(
      sql`select tenant_id, id, kind from app.queued_export_jobs()`,
    ),
  );
  for (const row of queued) await startTransfer(boss, row.kind, row.tenant_id, row.id);
  return { dispatched: queued.length };
};

export default run;
