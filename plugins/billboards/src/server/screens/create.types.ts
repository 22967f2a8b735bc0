import { z } from "@omnify/plugin-sdk";
import { clock } from "../lib/dayparts.ts";
import { VENUE_TYPES } from "../lib/screens.ts";

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone like 'Africa/Lagos'");

export const storageKey = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, "must be a key returned by the upload route");

export const screenFields = z.strictObject({
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().min(1).max(300),
  area: z.string().trim().max(100).default(""),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  venueType: z.enum(VENUE_TYPES),
  resolution: z.strictObject({
    width: z.number().int().min(64).max(16384),
    height: z.number().int().min(64).max(16384),
  }),
  sizeMeters: z.strictObject({
    width: z.number().positive().max(1000),
    height: z.number().positive().max(1000),
  }),
  loopSeconds: z
    .number()
    .int()
    .min(10)
    .max(3600)
    .refine((l) => 3600 % l === 0, "must divide an hour evenly, e.g. 60, 120 or 300"),
  spotSeconds: z.number().int().min(5).max(300),
  pricePerSpotHour: z
    .number()
    .int("must be whole minor units (cents, kobo)")
    .positive()
    .max(100_000_000),
  currency: z.enum(["USD", "NGN"]),
  hours: z
    .strictObject({
      open: clock.refine((t) => t.endsWith(":00"), "must be on the hour"),
      close: clock.refine((t) => t.endsWith(":00"), "must be on the hour"),
      timezone,
    })
    .refine((h) => h.close > h.open, { message: "close must be after open", path: ["close"] }),
  impressionsPerPlay: z.number().min(0).max(100_000).default(1),
});

export const createScreenInput = screenFields
  .extend({ photos: z.array(storageKey).max(10).default([]) })
  .refine((s) => s.spotSeconds <= s.loopSeconds, {
    message: "must not be longer than the loop",
    path: ["spotSeconds"],
  });
export type CreateScreenInput = z.output<typeof createScreenInput>;
