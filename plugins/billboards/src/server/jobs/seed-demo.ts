import { z } from "@omnify/plugin-sdk";
import { type Ctx, fail } from "../lib/context.ts";

const payload = z.object({ ownerUserId: z.string().min(1).max(100) });

const DEMO = [
  {
    key: "lagos-lekki",
    name: "Lekki Toll Gate LED",
    address: "Lekki-Epe Expressway, Lekki, Lagos",
    area: "Lagos",
    lat: 6.4433,
    lng: 3.4745,
    venue: "roadside",
    px: [1920, 1080],
    m: [12, 6.75],
    loop: 60,
    spot: 10,
    price: 500_000,
    currency: "NGN",
    tz: "Africa/Lagos",
    open: "06:00",
    close: "23:00",
    ipp: 120,
  },
  {
    key: "nyc-soho",
    name: "SoHo Broadway Window",
    address: "560 Broadway, New York, NY",
    area: "New York",
    lat: 40.7237,
    lng: -73.9981,
    venue: "mall",
    px: [1080, 1920],
    m: [1.2, 2.1],
    loop: 60,
    spot: 15,
    price: 2_500,
    currency: "USD",
    tz: "America/New_York",
    open: "00:00",
    close: "24:00",
    ipp: 35,
  },
] as const;

/**
 * Seeds the two demo screens (approved, owned by `ownerUserId`) once per tenant; `npm start`
 * runs it for the demo agency. Idempotent by each screen's demo key.
 */
export async function seedDemo(p: unknown, ctx: Ctx) {
  const parsed = payload.safeParse(p);
  if (!parsed.success) fail("invalid_input", "payload.ownerUserId: required");
  const created: string[] = [];
  for (const s of DEMO) {
    const rows = await ctx.db.query<{ id: string }>(
      `insert into screens (tenant_id, owner_user_id, name, address, area, lat, lng, venue_type,
         width_px, height_px, width_m, height_m, loop_seconds, spot_seconds, price_per_spot_hour,
         currency, open_time, close_time, timezone, impressions_per_play, status, reviewed_at,
         demo_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::time,
         $18::time, $19, $20, 'approved', now(), $21)
       on conflict (tenant_id, demo_key) do nothing returning id`,
      [
        ctx.tenant.id,
        parsed.data.ownerUserId,
        s.name,
        s.address,
        s.area,
        s.lat,
        s.lng,
        s.venue,
        s.px[0],
        s.px[1],
        s.m[0],
        s.m[1],
        s.loop,
        s.spot,
        s.price,
        s.currency,
        s.open,
        s.close,
        s.tz,
        s.ipp,
        s.key,
      ],
    );
    if (rows[0]) created.push(rows[0].id);
  }
  return { created: created.length };
}
