import { isIP } from "node:net";
import { sql, type Tx } from "@omnify/db";

/** Who did it: a user (label defaults to their e-mail) or, for failed sign-ins, a label only. */
export type AuditActor = { userId: string | null; label?: string | null };

/** Where the request came from, as the web layer trusts it. */
export type RequestMeta = { ip?: string | null; userAgent?: string | null };

export type AuditEntry = {
  /** Dotted verb, e.g. `member.invited`, `role.updated`, `auth.signin.failed`. */
  action: string;
  actor: AuditActor;
  target?: { type: string; id: string } | null;
  request?: RequestMeta | null;
  metadata?: Record<string, unknown>;
};

const ACTION = /^[a-z][a-zA-Z0-9_]*(\.[a-zA-Z0-9_]+){1,4}$/;

/**
 * Appends one row to the audit log of the transaction's current tenant. Call it inside the
 * transaction that performs the action, so the record exists if and only if the action
 * committed. The tenant comes from `app.current_tenant()`, never from the caller, so code
 * cannot write into another tenant's log (the insert policy would refuse it anyway).
 */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  if (!ACTION.test(entry.action)) throw new Error(`audit action ${entry.action} is malformed`);
  const userId = entry.actor.userId ?? null;
  const label = entry.actor.label?.trim().slice(0, 320) || null;
  // A malformed address must not abort the audited action; it is simply not recorded.
  const rawIp = entry.request?.ip?.trim() ?? "";
  const ip = isIP(rawIp) ? rawIp : null;
  await tx.execute(sql`
    insert into audit_log
      (tenant_id, actor_user_id, actor_label, action, target_type, target_id, ip, user_agent, metadata)
    values (
      (select app.current_tenant()), ${userId},
      coalesce(${label}::text, (select u.email::text from users u where u.id = ${userId}::uuid), 'unknown'),
      ${entry.action}, ${entry.target?.type ?? null}, ${entry.target?.id ?? null},
      ${ip}::inet, ${entry.request?.userAgent?.slice(0, 512) ?? null},
      ${JSON.stringify(entry.metadata ?? {})}::jsonb
    )`);
}
