import { z } from "@omnify/plugin-sdk";
import type { Ctx } from "../lib/context.ts";
import { deviceScreen } from "./screen.ts";

const record = z.strictObject({
  id: z.uuid(),
  itemId: z.string().min(1).max(200),
  bookingId: z.uuid().nullable(),
  creativeId: z.uuid().nullable(),
  startedAt: z.iso.datetime({ offset: true }),
  durationMs: z.number().int().min(0).max(3_600_000),
});
const input = z.strictObject({ records: z.array(record).max(500) });

/**
 * `screen.proofOfPlay` (devices only). Stores each record once, keyed by the player's own
 * id, so a resent batch is acknowledged without counting anything twice. A play is verified
 * when it is this screen's booking and creative, in one of its held hours, shown at least
 * 90% of the creative's length, and within the hour's booked plays (a makegood hour's: the
 * plays it makes good); each verified play earns the owner their share of one play's price
 * (`earned_on_play`, keyed by the play), never beyond the booking's owner share in total.
 * Unverified plays are kept with the reason and acknowledged too (resending cannot fix them).
 */
export const proofOfPlay = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const { deviceId, screenId } = await deviceScreen(ctx);
    if (i.records.length === 0) return { acknowledged: [] as string[], verified: 0 };
    const rows = await ctx.db.query<{ id: string; inserted: boolean; verified: boolean | null }>(
      `with input as (
         select distinct on (r.id) r.* from jsonb_to_recordset($4::text::jsonb)
           as r(id uuid, "itemId" text, "bookingId" uuid, "creativeId" uuid,
                "startedAt" timestamptz, "durationMs" int)
         order by r.id),
       fresh as (select * from input i where not exists (select 1 from plays p where p.id = i.id)),
       checked as (
         select f.*, h.hour_start,
           case
             when f."bookingId" is null then 'fallback'
             when b.id is null then 'unknown booking'
             when b.screen_id <> $2::uuid then 'booking is for another screen'
             when f."creativeId" is distinct from b.creative_id then 'not the booking''s creative'
             when c.status <> 'approved' then 'creative not approved'
             when f."startedAt" > now() + interval '2 minutes' then 'starts in the future'
             when h.hour_start is null then 'outside the booked hours'
             when f."durationMs" < c.duration_ms * 0.9 then 'shown too briefly'
             when coalesce(done.n, 0) + row_number() over (
                 partition by f."bookingId", h.hour_start order by f."startedAt", f.id)
               > h.plays then 'more plays than booked for the hour'
           end as reason,
           b.owner_user_id, b.advertiser_user_id, b.provider, b.currency,
           (b.amount - b.fee_amount)::numeric / b.planned_plays as per_play,
           (b.amount - b.fee_amount) - coalesce((select sum(l.amount) from ledger l
             where l.booking_id = b.id and l.kind in ('earned_on_play', 'transfer_reversal')), 0)
             as room
         from fresh f
         left join bookings b on b.id = f."bookingId"
         left join creatives c on c.id = b.creative_id
         left join lateral (
           select bh.hour_start,
             sum(coalesce(bh.plays_cap, bh.spots * b.plays_per_spot_hour))::int as plays
           from booking_hours bh
           where bh.booking_id = b.id and not bh.released
             and bh.hour_start <= f."startedAt" and f."startedAt" < bh.hour_start + interval '1 hour'
           group by bh.hour_start) h on true
         left join lateral (
           select count(*)::int as n from plays p
           where p.booking_id = b.id and p.verified and p.started_at >= h.hour_start
             and p.started_at < h.hour_start + interval '1 hour') done on true),
       -- The owner earns at most the booking's owner share (less what refunds took back),
       -- however many makegood plays it verifies.
       capped as (
         select k.*, greatest(0, least(k.per_play, k.room - k.per_play * (row_number() over (
             partition by k."bookingId" order by k."startedAt", k.id) - 1))) as earned
         from checked k where k.reason is null),
       ins as (
         insert into plays (tenant_id, id, screen_id, device_id, booking_id, creative_id, item_id,
           started_at, duration_ms, verified, reject_reason)
         select $1::uuid, k.id, $2::uuid, $3::uuid, k."bookingId", k."creativeId", k."itemId",
           k."startedAt", k."durationMs", k.reason is null, k.reason
         from checked k
         on conflict (tenant_id, id) do nothing
         returning id, verified),
       earned as (
         insert into ledger (tenant_id, entry_key, kind, booking_id, owner_user_id,
           advertiser_user_id, provider, currency, amount)
         select $1::uuid, 'play:' || k.id, 'earned_on_play', k."bookingId", k.owner_user_id,
           k.advertiser_user_id, k.provider, k.currency, k.earned
         from ins join capped k on k.id = ins.id where ins.verified and k.earned > 0
         on conflict (tenant_id, entry_key) do nothing returning 1)
       select i.id, ins.id is not null as inserted, ins.verified
       from input i left join ins on ins.id = i.id`,
      [ctx.tenant.id, screenId, deviceId, JSON.stringify(i.records)],
    );
    return {
      acknowledged: rows.map((r) => r.id),
      verified: rows.filter((r) => r.inserted && r.verified).length,
    };
  },
};
