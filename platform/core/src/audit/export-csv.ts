import type { Tx } from "@omnify/db";
import { stringify } from "csv-stringify/sync";
import { type AuditFilters, type AuditRecord, findAuditRecords } from "./find-audit";

/** An export stops here; narrow the filters (date range) for more. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;

const HEADER = [
  "occurred_at",
  "actor_label",
  "actor_user_id",
  "action",
  "target_type",
  "target_id",
  "ip",
  "user_agent",
  "metadata",
];

/**
 * Audit records as RFC 4180 CSV. csv-stringify quotes commas, quotes and newlines, and
 * `escape_formulas` prefixes cells starting with = + - @ (tab, CR) with a quote, so a
 * spreadsheet never runs an actor-controlled value (a user agent, a label) as a formula.
 */
export function auditCsv(records: readonly AuditRecord[]): string {
  const rows = records.map((r) => [
    r.occurredAt.toISOString(),
    r.actorLabel,
    r.actorUserId ?? "",
    r.action,
    r.targetType ?? "",
    r.targetId ?? "",
    r.ip ?? "",
    r.userAgent ?? "",
    JSON.stringify(r.metadata),
  ]);
  return stringify([HEADER, ...rows], { escape_formulas: true, record_delimiter: "\r\n" });
}

/** The filtered log as CSV, newest first, read page by page in the caller's transaction. */
export async function exportAuditCsv(tx: Tx, filters: AuditFilters): Promise<string> {
  const records: AuditRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await findAuditRecords(tx, { ...filters, cursor, limit: 500 });
    records.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && records.length < AUDIT_EXPORT_MAX_ROWS);
  return auditCsv(records.slice(0, AUDIT_EXPORT_MAX_ROWS));
}
