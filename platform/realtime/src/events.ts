const EVENT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An omnify_events notification is the id of a committed `realtime_events` row (see
 * publishTenantEvent). Anything else is not ours: any login may NOTIFY any channel.
 */
export function isEventId(payload: string): boolean {
  return EVENT_ID.test(payload);
}

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const deviceRoom = (deviceId: string) => `device:${deviceId}`;
