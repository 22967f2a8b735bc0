import type { Tx } from "@omnify/db";
import { ingestUsage } from "./ingest-usage";

/** One REST API call on the `api.calls` meter; refused (429) once the month's quota is used up. */
export function recordApiCall(tx: Tx, requestId: string) {
  return ingestUsage(tx, [
    { meter: "api.calls", source: "core", quantity: 1, idempotencyKey: requestId },
  ]);
}
