import { type Ctx, fail, requireDevice } from "../lib/context.ts";

/** The screen the calling device plays, refusing devices that were unpaired from it. */
export async function deviceScreen(ctx: Ctx): Promise<{ deviceId: string; screenId: string }> {
  const deviceId = requireDevice(ctx);
  const [row] = await ctx.db.query<{ screen_id: string; revoked: boolean }>(
    `select screen_id, revoked_at is not null as revoked from screen_devices
     where device_id = $1::uuid`,
    [deviceId],
  );
  if (!row) fail("not_paired", "this device is not paired with a screen; pair it from Screens");
  if (row.revoked)
    fail("device_revoked", "this device was unpaired from its screen; pair it again");
  return { deviceId, screenId: row.screen_id };
}
