import { z } from "@omnify/plugin-sdk";
import type { Ctx } from "../lib/context.ts";
import { deviceScreen } from "./screen.ts";

const input = z.strictObject({
  uptimeSeconds: z.number().int().min(0),
  freeStorageBytes: z.number().int().min(0),
  appVersion: z.string().trim().min(1).max(50),
  currentItem: z.string().max(200).nullable(),
  clockOffsetMs: z.number().int().min(-86_400_000).max(86_400_000),
});

/**
 * `screen.heartbeat` (devices only, every 30 s): records health, marks the screen online
 * and closes an open outage. A screen coming back alerts its owner.
 */
export const heartbeat = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const { deviceId, screenId } = await deviceScreen(ctx);
    const [r] = await ctx.db.query<{ recovered: boolean; owner_user_id: string; name: string }>(
      `with hb as (
         insert into heartbeats (tenant_id, screen_id, device_id, uptime_seconds,
           free_storage_bytes, app_version, current_item, clock_offset_ms)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning received_at),
       s as (
         update screens set health = 'online', last_heartbeat_at = (select received_at from hb),
           uptime_seconds = $4, free_storage_bytes = $5, app_version = $6, current_item = $7,
           clock_offset_ms = $8
         where id = $2::uuid returning owner_user_id, name),
       o as (update screen_outages set ended_at = now()
         where screen_id = $2::uuid and ended_at is null returning 1)
       select exists (select 1 from o) as recovered, s.owner_user_id, s.name from s`,
      [
        ctx.tenant.id,
        screenId,
        deviceId,
        i.uptimeSeconds,
        i.freeStorageBytes,
        i.appVersion,
        i.currentItem,
        i.clockOffsetMs,
      ],
    );
    if (r?.recovered) {
      await ctx.db.query(
        `insert into alerts (tenant_id, user_id, screen_id, kind, message)
         values ($1, $2, $3, 'online', $4)`,
        [ctx.tenant.id, r.owner_user_id, screenId, `${r.name} is back online`],
      );
      await ctx.events.emit("billboards.screen.online", { screenId });
      await ctx.realtime.publish("alerts", { screenId, kind: "online", userId: r.owner_user_id });
    }
    return { ok: true as const, serverTime: new Date().toISOString() };
  },
};
