import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireMember } from "../lib/context.ts";
import { pushSchedule } from "../lib/push.ts";
import { loadOwnScreen } from "../lib/screens.ts";

const input = z.strictObject({ screenId: z.uuid(), code: z.string().trim().min(1).max(20) });

/**
 * The owner types the code their screen shows. The host pairs the device (an unknown,
 * expired or used code fails with a message naming `code`); a device that played this
 * screen before is revoked, so one screen has one live player.
 */
export const pairScreen = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const member = requireMember(ctx);
    const screen = await loadOwnScreen(ctx, member, i.screenId);
    const { deviceId } = await ctx.devices.claim({ code: i.code, name: screen.name });
    const old = await ctx.db.query<{ device_id: string }>(
      `update screen_devices set revoked_at = now()
       where screen_id = $1::uuid and revoked_at is null returning device_id`,
      [screen.id],
    );
    for (const o of old) await ctx.devices.revoke(o.device_id);
    await ctx.db.query(
      `with d as (insert into screen_devices (tenant_id, device_id, screen_id, paired_by)
         values ($1, $2, $3, $4) returning screen_id)
       update screens set health = 'offline' where id = (select screen_id from d) and health = 'unpaired'`,
      [ctx.tenant.id, deviceId, screen.id, member.userId],
    );
    await pushSchedule(ctx, [screen.id]);
    return { deviceId, screenId: screen.id };
  },
};

/** Unpairs a screen's device (lost or replaced player); its token stops working at once. */
export const unpairScreen = {
  input: z.strictObject({ screenId: z.uuid() }),
  handler: async (i: { screenId: string }, ctx: Ctx) => {
    const member = requireMember(ctx);
    const screen = await loadOwnScreen(ctx, member, i.screenId);
    const rows = await ctx.db.query<{ device_id: string }>(
      `with d as (update screen_devices set revoked_at = now()
         where screen_id = $1::uuid and revoked_at is null returning device_id, screen_id),
       s as (update screens set health = 'unpaired' where id in (select screen_id from d))
       select device_id from d`,
      [screen.id],
    );
    for (const r of rows) await ctx.devices.revoke(r.device_id);
    return { revoked: rows.map((r) => r.device_id) };
  },
};
