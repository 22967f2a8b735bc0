import { TRANSFER_CHANNEL } from "@omnify/core/export/transfers";
import type { AppDatabase } from "@omnify/db";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import type { Logger } from "./define-job";
import { transferPayload } from "./export-tenant";

const ZNotice = z.object({ tenantId: z.uuid(), id: z.uuid(), kind: z.enum(["export", "import"]) });

/**
 * Sends the pg-boss job for a queued export or import. The singleton key keeps the LISTEN
 * path and the cron sweep from queueing it twice; the handler's claim makes a duplicate
 * harmless anyway.
 */
export async function startTransfer(boss: PgBoss, kind: string, tenantId: string, id: string) {
  const queue = kind === "import" ? "import-tenant" : "export-tenant";
  const data = transferPayload.parse({ tenantId, jobId: id });
  await boss.send(queue, data, { singletonKey: id });
}

/**
 * Starts exports and imports the moment they are requested: the web app's transaction
 * NOTIFYs TRANSFER_CHANNEL on commit with the tenant taken from its own RLS context.
 */
export async function listenForTransfers(boss: PgBoss, db: AppDatabase, log: Logger) {
  return db.listen(TRANSFER_CHANNEL, (payload) => {
    let json: unknown = null;
    try {
      json = JSON.parse(payload);
    } catch {}
    const notice = ZNotice.safeParse(json);
    if (!notice.success) return log.warn(`[worker] ignored ${TRANSFER_CHANNEL} notice`);
    const { kind, tenantId, id } = notice.data;
    startTransfer(boss, kind, tenantId, id).catch((error) =>
      log.error(`[worker] could not queue ${kind} ${id}`, error),
    );
  });
}
