import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireMember } from "../lib/context.ts";
import { type CreativeRow, creativeColumns, toCreative } from "./rows.ts";

type Row = CreativeRow & { screen_name: string; bookings: number };

/**
 * Creatives for review (`for: 'review'`: on the caller's screens, or every screen for
 * admins) or the caller's own uploads (`for: 'mine'`), optionally one screen's.
 */
export const listCreatives = {
  input: z.strictObject({
    for: z.enum(["review", "mine"]),
    status: z.enum(["pending", "approved", "rejected"]).optional(),
    screenId: z.uuid().optional(),
  }),
  handler: async (
    i: { for: "review" | "mine"; status?: string | undefined; screenId?: string | undefined },
    ctx: Ctx,
  ) => {
    const m = requireMember(ctx);
    const rows = await ctx.db.query<Row>(
      `select ${creativeColumns("c")}, s.name as screen_name,
         (select count(*)::int from bookings b where b.creative_id = c.id) as bookings
       from creatives c join screens s on s.id = c.screen_id
       where (case when $1 = 'mine' then c.advertiser_user_id = $2
                   else s.owner_user_id = $2 or $3::boolean end)
         and ($4::text is null or c.status = $4)
         and ($5::uuid is null or c.screen_id = $5::uuid)
       order by c.created_at desc limit 200`,
      [i.for, m.userId, m.canManage, i.status ?? null, i.screenId ?? null],
    );
    const creatives = [];
    for (const r of rows)
      creatives.push({
        ...toCreative(r),
        screenName: r.screen_name,
        bookings: r.bookings,
        url: await ctx.storage.url(r.storage_key),
      });
    return { creatives };
  },
};
