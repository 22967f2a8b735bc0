import type { Ctx } from "../lib/context.ts";
import { asOf } from "./as-of.ts";

type Offline = { id: string; owner_user_id: string; name: string; last_heartbeat_at: string };

/**
 * Every minute: a paired, online screen without a heartbeat for `offlineAfterSeconds` goes
 * offline. One statement opens its outage (from its last heartbeat, which the makegood
 * reconciliation reads) and writes the owner's alert; then the owner is told live.
 */
export async function detectOffline(payload: unknown, ctx: Ctx) {
  const now = asOf(payload);
  const rows = await ctx.db.query<Offline>(
    `with off as (
       update screens set health = 'offline'
       where health = 'online'
         and last_heartbeat_at < $2::timestamptz - make_interval(secs => $3::int)
       returning id, owner_user_id, name, last_heartbeat_at),
     o as (
       insert into screen_outages (tenant_id, screen_id, started_at)
       select $1::uuid, id, last_heartbeat_at from off on conflict do nothing),
     a as (
       insert into alerts (tenant_id, user_id, screen_id, kind, message)
       select $1::uuid, owner_user_id, id, 'offline',
         name || ' is offline: no heartbeat since ' || to_char(last_heartbeat_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'
       from off)
     select id, owner_user_id, name, to_json(last_heartbeat_at) #>> '{}' as last_heartbeat_at from off`,
    [ctx.tenant.id, now, ctx.settings.offlineAfterSeconds],
  );
  for (const s of rows) {
    ctx.log.warn("screen offline", { screenId: s.id, lastHeartbeatAt: s.last_heartbeat_at });
    await ctx.events.emit("billboards.screen.offline", {
      screenId: s.id,
      ownerUserId: s.owner_user_id,
      lastHeartbeatAt: s.last_heartbeat_at,
    });
    await ctx.realtime.publish("alerts", {
      screenId: s.id,
      kind: "offline",
      userId: s.owner_user_id,
      message: `${s.name} is offline`,
    });
  }
  return { offline: rows.map((r) => r.id) };
}
