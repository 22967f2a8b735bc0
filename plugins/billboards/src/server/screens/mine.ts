import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireMember } from "../lib/context.ts";
import { type ScreenRow, screenColumns, toScreen } from "../lib/screens.ts";
import { photoUrls } from "./photos.ts";

type Row = ScreenRow & { device_id: string | null; paired_at: string | null };

/**
 * The caller's screens with their device and health; admins may ask for every screen
 * (`all: true`, the approvals queue filters by `status`).
 */
export const myScreens = {
  input: z.strictObject({
    all: z.boolean().default(false),
    status: z.enum(["pending_approval", "approved", "rejected", "suspended"]).optional(),
  }),
  handler: async (input: { all: boolean; status?: string | undefined }, ctx: Ctx) => {
    const member = requireMember(ctx);
    const all = input.all && member.canManage;
    const rows = await ctx.db.query<Row>(
      `select ${screenColumns()}, d.device_id, to_json(d.paired_at) #>> '{}' as paired_at
       from screens s left join screen_devices d on d.screen_id = s.id and d.revoked_at is null
       where ($1::boolean or s.owner_user_id = $2) and ($3::text is null or s.status = $3)
       order by s.created_at desc limit 500`,
      [all, member.userId, input.status ?? null],
    );
    const photos = await photoUrls(
      ctx,
      rows.map((r) => r.id),
    );
    return {
      screens: rows.map((r) => ({
        ...toScreen(r),
        photos: photos.get(r.id) ?? [],
        device: r.device_id ? { id: r.device_id, pairedAt: r.paired_at } : null,
      })),
    };
  },
};
