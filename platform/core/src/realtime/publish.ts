import { sql, type Tx } from "@omnify/db";

/** The one NOTIFY channel the realtime gateway LISTENs on. */
export const TENANT_EVENTS_CHANNEL = "omnify_events";

/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more ("payload string too long"). */
export const MAX_EVENT_PAYLOAD_BYTES = 7999;

const EVENT_TYPE = /^[a-z][a-z0-9_.:-]{0,99}$/i;

/** What the gateway receives on the channel; `tenantId` is always the transaction's tenant. */
export type TenantEventPayload = { tenantId: string; type: string; data: Record<string, unknown> };

/**
 * Queues a realtime event for the transaction's tenant. NOTIFY is transactional, so the event
 * is delivered only if `tx` commits. The tenant comes from app.current_tenant(), never from
 * the caller, so code cannot publish into another tenant's room.
 */
export async function publishTenantEvent(
  tx: Tx,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  if (!EVENT_TYPE.test(type)) {
    throw new Error(`event type must match ${EVENT_TYPE}, got ${JSON.stringify(type)}`);
  }
  const json = JSON.stringify(data);
  // JSON.stringify is never longer than PostgreSQL's jsonb text, so this fails fast on data
  // that cannot fit; the exact check on the real payload happens in SQL below.
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_EVENT_PAYLOAD_BYTES) throw tooLarge(type, bytes);

  // One statement: the CASE sends only when there is a tenant and the payload fits, and
  // otherwise reports why without raising, so the caller's transaction is not aborted.
  const rows = await tx.execute<{
    tenant_id: string | null;
    bytes: number;
    sent: string | null;
  }>(sql`
    select e.tenant_id, octet_length(e.payload) as bytes,
      case when e.tenant_id is not null and octet_length(e.payload) <= ${MAX_EVENT_PAYLOAD_BYTES}
        then pg_notify(${TENANT_EVENTS_CHANNEL}, e.payload)::text end as sent
    from (
      select app.current_tenant() as tenant_id,
        json_build_object('tenantId', app.current_tenant(), 'type', ${type}::text,
          'data', ${json}::jsonb)::text as payload
    ) e`);
  const row = rows[0];
  if (!row?.tenant_id) {
    throw new Error(`publishTenantEvent("${type}") needs a tenant transaction (use withTenant)`);
  }
  if (row.sent === null) throw tooLarge(type, row.bytes);
}

function tooLarge(type: string, bytes: number): Error {
  return new Error(
    `realtime event "${type}" is ${bytes} bytes; NOTIFY allows ${MAX_EVENT_PAYLOAD_BYTES}. ` +
      "Send an id and let clients fetch the rest.",
  );
}
