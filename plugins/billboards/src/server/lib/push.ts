import type { Ctx } from "./context.ts";

/**
 * Bumps a screen's schedule version and tells its paired device to refetch
 * (`screen.schedule`). Screens without a device just keep the new version for later.
 */
export async function pushSchedule(ctx: Ctx, screenIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(screenIds)];
  if (ids.length === 0) return;
  const rows = await ctx.db.query<{ id: string; version: string; device_id: string | null }>(
    `update screens s set schedule_version = s.schedule_version + 1
     where s.id in (select value::uuid from jsonb_array_elements_text($1::text::jsonb))
     returning s.id, s.schedule_version as version,
       (select d.device_id from screen_devices d
         where d.screen_id = s.id and d.revoked_at is null) as device_id`,
    [JSON.stringify(ids)],
  );
  for (const r of rows) {
    if (!r.device_id) continue;
    try {
      await ctx.realtime.publish(
        "schedule",
        { version: Number(r.version) },
        { deviceId: r.device_id },
      );
    } catch (e) {
      // A push is a nudge: the change is stored, and the player picks it up on its next fetch.
      ctx.log.warn("schedule push failed", { screenId: r.id, error: String(e) });
    }
  }
}

/** Tells the tenant's open portal pages (owner dashboards) about a change. */
export async function notifyMembers(ctx: Ctx, channel: "alerts" | "bookings", payload: unknown) {
  await ctx.realtime.publish(channel, payload);
}
