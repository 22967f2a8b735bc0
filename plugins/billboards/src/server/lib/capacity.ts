/**
 * Share of loop (Broadsign's model). A screen plays a loop of `loopSeconds`, cut into
 * `floor(loopSeconds / spotSeconds)` spots. A booking holds `spotsPerHour` of those spots in
 * every booked hour, so it plays `spotsPerHour × 3600 / loopSeconds` times an hour. Capacity
 * per screen and hour is the number of spots in the loop; price is per spot and hour.
 */
export type LoopShape = { loopSeconds: number; spotSeconds: number };

export const spotsPerLoop = (s: LoopShape) => Math.floor(s.loopSeconds / s.spotSeconds);
/** How often one spot plays in an hour (the loop length divides the hour). */
export const playsPerSpotHour = (s: LoopShape) => 3600 / s.loopSeconds;

export type Quote = {
  spotsPerHour: number;
  hours: number;
  playsPerSpotHour: number;
  playsPerHour: number;
  totalPlays: number;
  estimatedImpressions: number;
  pricePerSpotHour: number;
  amount: number;
  platformFee: number;
  ownerShare: number;
  currency: string;
};

/** The price and reach of `spotsPerHour` spots over `hours` booked hours. */
export function quote(
  screen: LoopShape & { pricePerSpotHour: number; impressionsPerPlay: number; currency: string },
  spotsPerHour: number,
  hours: number,
  feePercent: number,
): Quote {
  const perSpot = playsPerSpotHour(screen);
  const amount = screen.pricePerSpotHour * spotsPerHour * hours;
  const platformFee = Math.round((amount * feePercent) / 100);
  const totalPlays = spotsPerHour * perSpot * hours;
  return {
    spotsPerHour,
    hours,
    playsPerSpotHour: perSpot,
    playsPerHour: spotsPerHour * perSpot,
    totalPlays,
    estimatedImpressions: Math.round(totalPlays * screen.impressionsPerPlay),
    pricePerSpotHour: screen.pricePerSpotHour,
    amount,
    platformFee,
    ownerShare: amount - platformFee,
    currency: screen.currency,
  };
}

/**
 * SQL for the booked hours as instants: every date from $from to $to (screen-local) times
 * every local hour in the JSON array $hours, in time zone $tz, leaving out hours that have
 * already started before the current one. Parameters are positional: pass their numbers.
 */
export function hoursSql(p: { tz: string; from: string; to: string; hours: string }): string {
  const local = `(d::date + make_interval(hours => h.value::int))`;
  return `select distinct (${local} at time zone ${p.tz}::text) as hour_start
    from generate_series(${p.from}::date, ${p.to}::date, interval '1 day') d,
      jsonb_array_elements_text(${p.hours}::text::jsonb) h
    where (${local} at time zone ${p.tz}::text) >= date_trunc('hour', now())`;
}

/** PostgreSQL's message for the capacity check (the host passes the message on, not the detail). */
export const isOverbooked = (e: unknown) =>
  /slot_capacity_not_overbooked/.test(String((e as { message?: string })?.message ?? e));
