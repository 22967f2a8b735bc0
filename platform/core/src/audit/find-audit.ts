import { and, auditLog, desc, eq, gte, ilike, lt, type SQL, sql, type Tx } from "@omnify/db";
import { badInput } from "../errors";

export type AuditFilters = {
  /** Exact action, or a prefix ending in `.` / `*` (`member.` matches `member.invited`). */
  action?: string | null;
  /** A user id, or part of the actor label (e-mail). */
  actor?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  from?: Date | null;
  /** Exclusive upper bound. */
  to?: Date | null;
};

export type AuditRecord = {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  metadata: Record<string, unknown>;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The WHERE clause for `filters`; errors name the offending filter. */
export function auditWhere(filters: AuditFilters): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  const action = filters.action?.trim();
  if (action) {
    const prefix = action.endsWith("*") || action.endsWith(".");
    const stem = action.replace(/\*$/, "");
    if (!/^[a-zA-Z0-9_.]+$/.test(stem))
      throw badInput("action", "Actions are letters, digits and dots");
    parts.push(prefix ? ilike(auditLog.action, `${escapeLike(stem)}%`) : eq(auditLog.action, stem));
  }
  const actor = filters.actor?.trim();
  if (actor) {
    parts.push(
      UUID.test(actor)
        ? eq(auditLog.actorUserId, actor)
        : ilike(auditLog.actorLabel, `%${escapeLike(actor)}%`),
    );
  }
  if (filters.targetType?.trim()) parts.push(eq(auditLog.targetType, filters.targetType.trim()));
  if (filters.targetId?.trim()) parts.push(eq(auditLog.targetId, filters.targetId.trim()));
  if (filters.from && filters.to && filters.from >= filters.to) {
    throw badInput("to", "The end of the range must be after its start");
  }
  if (filters.from) parts.push(gte(auditLog.occurredAt, filters.from));
  if (filters.to) parts.push(lt(auditLog.occurredAt, filters.to));
  return and(...parts);
}

/** Page cursor: the id of the last row shown (compared by its exact stored time, then id). */
function parseCursor(cursor: string): string {
  if (!UUID.test(cursor)) throw badInput("cursor", "This page link is no longer valid");
  return cursor;
}

const columns = {
  id: auditLog.id,
  occurredAt: auditLog.occurredAt,
  actorUserId: auditLog.actorUserId,
  actorLabel: auditLog.actorLabel,
  action: auditLog.action,
  targetType: auditLog.targetType,
  targetId: auditLog.targetId,
  ip: sql<string | null>`host(${auditLog.ip})`,
  userAgent: auditLog.userAgent,
  metadata: auditLog.metadata,
};

/**
 * The tenant's audit records, newest first, `limit` at a time. `tx` must be a withTenant
 * transaction of the tenant (RLS shows nothing else); `nextCursor` is null on the last page.
 */
export async function findAuditRecords(
  tx: Tx,
  filters: AuditFilters & { cursor?: string | null; limit?: number },
): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filters.limit ?? 50, 1), 500);
  const after = filters.cursor ? parseCursor(filters.cursor) : null;
  const rows = await tx
    .select(columns)
    .from(auditLog)
    .where(
      and(
        auditWhere(filters),
        after
          ? sql`(${auditLog.occurredAt}, ${auditLog.id}) <
              (select a.occurred_at, a.id from audit_log a where a.id = ${after})`
          : undefined,
      ),
    )
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? last.id : null };
}
