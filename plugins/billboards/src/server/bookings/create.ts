import { z } from "@omnify/plugin-sdk";
import { hoursSql, isOverbooked, spotsPerLoop } from "../lib/capacity.ts";
import { type Ctx, fail, requireMember } from "../lib/context.ts";
import { priceRequest, quoteInput } from "./quote.ts";
import { releaseBooking } from "./release.ts";

/** http(s) URL (the sandbox has no `URL`); where the checkout page sends the advertiser back. */
const returnUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "must be an http(s) URL");

const input = quoteInput.extend({
  creativeId: z.uuid(),
  successUrl: returnUrl,
  cancelUrl: returnUrl,
  customerEmail: z.email().optional(),
});

const PROVIDER = { USD: "stripe", NGN: "paystack" } as const;

/**
 * Books spots and returns the checkout URL. One statement stores the booking, its hours and
 * their capacity: the capacity rows' check refuses overbooking, so concurrent buyers of the
 * last spots serialise on those rows and the loser gets `over_capacity`. The hold lasts
 * until payment (30 minutes, then `reconcile` releases it), and the checkout expires with
 * it: Stripe's session refuses payment after the hold's end (Stripe's minimum is 30
 * minutes, so the hold is extended to the session's real expiry). Paystack links have no
 * expiry; a payment arriving after the hold ended is refunded in full (`payments.succeeded`).
 */
export const createBooking = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const member = requireMember(ctx);
    const { screen, localHours, quote } = await priceRequest(ctx, i);
    const [creative] = await ctx.db.query<{
      status: string;
      screen_id: string;
      advertiser_user_id: string;
    }>("select status, screen_id, advertiser_user_id from creatives where id = $1::uuid", [
      i.creativeId,
    ]);
    if (!creative || creative.advertiser_user_id !== member.userId)
      fail("not_found", `creativeId: no creative '${i.creativeId}' of yours`);
    if (creative.screen_id !== screen.id)
      fail("invalid_input", "creativeId: that creative was uploaded for another screen");
    if (creative.status === "rejected")
      fail("invalid_input", "creativeId: that creative was rejected; upload another");
    const provider = PROVIDER[screen.currency as keyof typeof PROVIDER];
    if (provider === "paystack" && !i.customerEmail)
      fail("invalid_input", "customerEmail: Paystack needs your e-mail address for the receipt");
    const [account] = await ctx.db.query<{ account_ref: string }>(
      "select account_ref from payout_accounts where user_id = $1 and provider = $2",
      [screen.ownerUserId, provider],
    );
    if (!account)
      fail("owner_not_ready", `screenId: the owner of '${screen.name}' has not set up payouts yet`);
    if (provider === "stripe") {
      const a = await ctx.payments.getConnectedAccount({
        provider,
        accountId: account.account_ref,
      });
      if (!a.chargesEnabled)
        fail(
          "owner_not_ready",
          `screenId: the owner of '${screen.name}' has not finished setting up payouts yet`,
        );
    }
    let booking:
      | { id: string; hours: number; amount: string; fee_amount: string; expires_at: string }
      | undefined;
    try {
      [booking] = await ctx.db.query(
        `with h as (${hoursSql({ tz: "$17", from: "$6", to: "$7", hours: "$18" })}),
         n as (select count(*)::int as hours from h),
         b as (
           insert into bookings (tenant_id, screen_id, owner_user_id, advertiser_user_id, creative_id,
             date_from, date_to, dayparts, spots_per_hour, hours, plays_per_spot_hour, planned_plays,
             price_per_spot_hour, amount, fee_amount, currency, provider, destination)
           select $1::uuid, $2::uuid, $3, $4, $5::uuid, $6::date, $7::date, $8::text::jsonb, $9::int,
             n.hours, $10::int, $9::int * $10::int * n.hours, $11::bigint,
             $11::bigint * $9::int * n.hours,
             round($11::bigint * $9::int * n.hours * $12::numeric / 100)::bigint,
             $13, $14, $15
           from n returning id, hours, amount, fee_amount, expires_at),
         c as (
           insert into slot_capacity (tenant_id, screen_id, hour_start, capacity, booked)
           select $1::uuid, $2::uuid, h.hour_start, $16::int, $9::int from h
           on conflict (tenant_id, screen_id, hour_start)
           do update set booked = slot_capacity.booked + excluded.booked
           returning 1),
         bh as (
           insert into booking_hours (tenant_id, booking_id, hour_start, spots)
           select $1::uuid, b.id, h.hour_start, $9::int from b, h returning 1)
         select b.id, b.hours, b.amount, b.fee_amount,
           to_char(b.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as expires_at
         from b`,
        [
          ctx.tenant.id,
          screen.id,
          screen.ownerUserId,
          member.userId,
          i.creativeId,
          i.from,
          i.to,
          JSON.stringify(i.dayparts),
          i.spotsPerHour,
          quote.playsPerSpotHour,
          screen.pricePerSpotHour,
          ctx.settings.platformFeePercent,
          screen.currency,
          provider,
          account.account_ref,
          spotsPerLoop(screen),
          screen.hours.timezone,
          JSON.stringify(localHours),
        ],
      );
    } catch (e) {
      if (!isOverbooked(e)) throw e;
      fail(
        "over_capacity",
        `spotsPerHour: not enough free spots for ${i.spotsPerHour} per hour in every chosen hour; ask for a quote to see what is left`,
      );
    }
    if (!booking) fail("internal", "the booking was not stored");
    const amount = Number(booking.amount);
    let checkout: { checkoutId: string; url: string; expiresAt?: string };
    try {
      checkout = await ctx.payments.createCheckout({
        provider,
        amount,
        currency: screen.currency.toLowerCase(),
        destination: account.account_ref,
        applicationFeeAmount: Number(booking.fee_amount),
        description: `${quote.spotsPerHour} spot(s)/hour on ${screen.name}, ${i.from} to ${i.to}`,
        reference: booking.id,
        successUrl: i.successUrl,
        cancelUrl: i.cancelUrl,
        idempotencyKey: `checkout:${booking.id}`,
        expiresAt: booking.expires_at,
        ...(i.customerEmail ? { customerEmail: i.customerEmail } : {}),
      });
    } catch (e) {
      await releaseBooking(ctx, booking.id, "pending_payment", { hoursFrom: "all" });
      throw e;
    }
    const [held] = await ctx.db.query<{ expires_at: string }>(
      `update bookings set checkout_id = $2, checkout_url = $3,
         expires_at = greatest(expires_at, coalesce($4::timestamptz, expires_at))
       where id = $1::uuid
       returning to_char(expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as expires_at`,
      [booking.id, checkout.checkoutId, checkout.url, checkout.expiresAt ?? null],
    );
    return {
      bookingId: booking.id,
      status: "pending_payment",
      hours: booking.hours,
      amount,
      platformFee: Number(booking.fee_amount),
      currency: screen.currency,
      provider,
      checkoutId: checkout.checkoutId,
      checkoutUrl: checkout.url,
      /** Until then the spots are held and the checkout takes payment. */
      expiresAt: held?.expires_at ?? booking.expires_at,
    };
  },
};
