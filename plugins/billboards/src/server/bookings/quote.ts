import { z } from "@omnify/plugin-sdk";
import { availability, requestFields, requestHours } from "../lib/availability.ts";
import { quote } from "../lib/capacity.ts";
import { type Ctx, fail, requireMember } from "../lib/context.ts";
import { loadScreen, type Screen } from "../lib/screens.ts";

export const quoteInput = z.strictObject({ screenId: z.uuid(), ...requestFields });
export type QuoteInput = z.output<typeof quoteInput>;

/**
 * Checks a request against the screen (approved, inside its hours, within loop capacity)
 * and prices it. Shared by `bookings.quote` and `bookings.create`.
 */
export async function priceRequest(ctx: Ctx, i: QuoteInput) {
  const screen = await loadScreen(ctx, i.screenId);
  if (screen.status !== "approved")
    fail("not_bookable", `screenId: '${screen.name}' is not open for bookings`);
  const localHours = requestHours(screen, i);
  const a = await availability(ctx, screen, i, localHours);
  if (a.hours === 0)
    fail("invalid_input", `from: every hour from ${i.from} to ${i.to} has already started`);
  if (i.spotsPerHour > a.capacity)
    fail(
      "over_capacity",
      `spotsPerHour: the loop has ${a.capacity} spots (${screen.loopSeconds} s loop, ${screen.spotSeconds} s spots)`,
    );
  const q = quote(screen, i.spotsPerHour, a.hours, ctx.settings.platformFeePercent);
  return { screen, localHours, availableSpots: a.minFree, capacity: a.capacity, quote: q };
}

/** Spots per hour, total plays, estimated impressions and the price, before paying. */
export const quoteBooking = {
  input: quoteInput,
  handler: async (i: QuoteInput, ctx: Ctx) => {
    requireMember(ctx);
    const p = await priceRequest(ctx, i);
    return {
      ...p.quote,
      availableSpots: p.availableSpots,
      capacity: p.capacity,
      fits: p.availableSpots >= i.spotsPerHour,
      screen: summary(p.screen),
    };
  },
};

export const summary = (s: Screen) => ({ id: s.id, name: s.name, hours: s.hours });
