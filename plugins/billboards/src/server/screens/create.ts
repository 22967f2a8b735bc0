import { type Ctx, fail, requireMember } from "../lib/context.ts";
import { loadScreen } from "../lib/screens.ts";
import { type CreateScreenInput, createScreenInput } from "./create.types.ts";
import { checkPhotos, storePhotos } from "./photos.ts";

/**
 * An owner registers a screen. It starts `pending_approval`: nobody can book it until an
 * admin approves it (`screens.review`).
 */
export const createScreen = {
  input: createScreenInput,
  handler: async (input: CreateScreenInput, ctx: Ctx) => {
    const member = requireMember(ctx);
    const photos = await checkPhotos(ctx, input.photos);
    const [row] = await ctx.db.query<{ id: string }>(
      `insert into screens (tenant_id, owner_user_id, name, address, area, lat, lng, venue_type,
         width_px, height_px, width_m, height_m, loop_seconds, spot_seconds, price_per_spot_hour,
         currency, open_time, close_time, timezone, impressions_per_play)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::time,
         $18::time, $19, $20)
       returning id`,
      [
        ctx.tenant.id,
        member.userId,
        input.name,
        input.address,
        input.area,
        input.lat,
        input.lng,
        input.venueType,
        input.resolution.width,
        input.resolution.height,
        input.sizeMeters.width,
        input.sizeMeters.height,
        input.loopSeconds,
        input.spotSeconds,
        input.pricePerSpotHour,
        input.currency,
        input.hours.open,
        input.hours.close,
        input.hours.timezone,
        input.impressionsPerPlay,
      ],
    );
    if (!row) fail("internal", "the screen was not stored");
    await storePhotos(ctx, row.id, photos);
    return { screen: await loadScreen(ctx, row.id) };
  },
};
