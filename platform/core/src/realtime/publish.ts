import { sql, type Tx } from "@omnify/db";
import { DomainError } from "../errors";

/**
 * The one NOTIFY channel the realtime gateway LISTENs on. A notification carries only the id
 * of a committed `realtime_events` row: any login can NOTIFY any channel (a plugin's own
 * function included), so the gateway trusts the row it reads back, never the payload.
 */
export const TENANT_EVENTS_CHANNEL = "omnify_events";

/** Events are signals ("this changed, refetch"); send an id, not the record. */
export const MAX_EVENT_PAYLOAD_BYTES = 7999;

const EVENT_TYPE = /^[a-z][a-z0-9_.:-]{0,99}$/i;

/**
 * What the gateway relays (a `realtime_events` row); `tenantId` is always the tenant of the
 * transaction that wrote it. With `deviceId` the event goes to that screen's room instead of
 * the tenant's members.
 */
export type TenantEventPayload = {
  tenantId: string;
  type: string;
  data: Record<string, unknown>;
  deviceId?: string;
};

/**
 * Queues a realtime event for the transaction's tenant: a `realtime_events` row plus a NOTIFY
 * of its id, both transactional, so the event is delivered only if `tx` commits. The tenant
 * comes from app.current_tenant() (and RLS checks the row against it), never from the caller,
 * so code cannot publish into another tenant's room.
 */
export async function publishTenantEvent(
  tx: Tx,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  await notify(tx, type, data, undefined);
}

/**
 * Queues a realtime event for one screen of the transaction's tenant. The device must be an
 * active device of that tenant (checked here under RLS, and again by the gateway).
 */
export async function publishDeviceEvent(
  tx: Tx,
  deviceId: string,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  const found = UUID.test(deviceId)
    ? await tx.execute<{ id: string }>(
        sql`select id from devices where id = ${deviceId}::uuid and revoked_at is null`,
      )
    : [];
  if (found.length === 0)
    throw new DomainError("NOT_FOUND", "No active screen with that id", "deviceId");
  await notify(tx, type, data, deviceId);
}

/**
 * The committed events that NOTIFYs named, by id, for the gateway (no tenant in context:
 * `app.realtime_events` is a SECURITY DEFINER function the app login may call, plugin logins
 * may not). Ids that name no row, or a row older than ten minutes, are simply absent.
 */
export async function readPublishedEvents(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, TenantEventPayload>> {
  const wanted = ids.filter((id) => UUID.test(id));
  const found = new Map<string, TenantEventPayload>();
  if (wanted.length === 0) return found;
  const rows = await tx.execute<{
    id: string;
    tenant_id: string;
    device_id: string | null;
    type: string;
    data: Record<string, unknown>;
  }>(sql`select id, tenant_id, device_id, type, data
    from app.realtime_events(${`{${wanted.join(",")}}`}::uuid[])`);
  for (const r of rows) {
    const event: TenantEventPayload = { tenantId: r.tenant_id, type: r.type, data: r.data };
    if (r.device_id) event.deviceId = r.device_id;
    found.set(r.id, event);
  }
  return found;
}

/** Deletes relayed events older than ten minutes (every tenant); returns how many. */
export async function prunePublishedEvents(tx: Tx): Promise<number> {
  const [row] = await tx.execute<{ n: number }>(sql`select app.prune_realtime_events() as n`);
  return row?.n ?? 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function notify(
  tx: Tx,
  type: string,
  data: Record<string, unknown>,
  deviceId: string | undefined,
): Promise<void> {
  if (!EVENT_TYPE.test(type)) {
    throw new Error(`event type must match ${EVENT_TYPE}, got ${JSON.stringify(type)}`);
  }
  const json = JSON.stringify(data);
  // JSON.stringify is never longer than PostgreSQL's jsonb text, so this fails fast on data
  // that cannot fit; the exact check on the real payload happens in SQL below.
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_EVENT_PAYLOAD_BYTES) throw tooLarge(type, bytes);

  // One statement: the row is written (and its id sent) only when there is a tenant and the
  // event fits; otherwise it reports why without raising, so the caller's transaction is not
  // aborted. The size is that of the event as the gateway relays it.
  const rows = await tx.execute<{
    tenant_id: string | null;
    bytes: number;
    sent: string | null;
  }>(sql`
    with e as (
      select app.current_tenant() as tenant_id, ${type}::text as type, ${json}::jsonb as data,
        ${deviceId ?? null}::uuid as device_id
    ), sized as (
      select e.*, octet_length(json_build_object('tenantId', e.tenant_id, 'type', e.type,
        'data', e.data, 'deviceId', e.device_id)::text) as bytes
      from e
    ), written as (
      insert into realtime_events (tenant_id, device_id, type, data)
      select tenant_id, device_id, type, data from sized
      where tenant_id is not null and bytes <= ${MAX_EVENT_PAYLOAD_BYTES}
      returning id
    )
    select sized.tenant_id, sized.bytes,
      (select pg_notify(${TENANT_EVENTS_CHANNEL}, written.id::text)::text from written) as sent
    from sized`);
  const row = rows[0];
  if (!row?.tenant_id) {
    throw new Error(`publishTenantEvent("${type}") needs a tenant transaction (use withTenant)`);
  }
  if (row.sent === null) throw tooLarge(type, row.bytes);
}

function tooLarge(type: string, bytes: number): Error {
  return new Error(
    `realtime event "${type}" is ${bytes} bytes; events allow ${MAX_EVENT_PAYLOAD_BYTES}. ` +
      "Send an id and let clients fetch the rest.",
  );
}
