import { type Ctx, fail } from "./context.ts";
import { hhmm } from "./dayparts.ts";

export type ScreenRow = {
  id: string;
  owner_user_id: string;
  name: string;
  address: string;
  area: string;
  lat: number;
  lng: number;
  venue_type: string;
  width_px: number;
  height_px: number;
  width_m: string;
  height_m: string;
  loop_seconds: number;
  spot_seconds: number;
  price_per_spot_hour: string;
  currency: string;
  open_time: string;
  close_time: string;
  timezone: string;
  impressions_per_play: string;
  status: string;
  review_note: string | null;
  health: string;
  last_heartbeat_at: string | null;
  app_version: string | null;
  current_item: string | null;
  uptime_seconds: string | null;
  free_storage_bytes: string | null;
  clock_offset_ms: number | null;
  schedule_version: string;
  created_at: string;
};

export const VENUE_TYPES = [
  "roadside",
  "mall",
  "airport",
  "transit",
  "office",
  "gym",
  "restaurant",
  "campus",
  "stadium",
  "other",
] as const;

const iso = (c: string) => `to_json(${c}) #>> '{}' as ${c.split(".").pop()}`;

/** The select list for a screen (timestamps as ISO 8601). */
export const screenColumns = (a = "s") =>
  [
    "id",
    "owner_user_id",
    "name",
    "address",
    "area",
    "lat",
    "lng",
    "venue_type",
    "width_px",
    "height_px",
    "width_m",
    "height_m",
    "loop_seconds",
    "spot_seconds",
    "price_per_spot_hour",
    "currency",
    "open_time::text",
    "close_time::text",
    "timezone",
    "impressions_per_play",
    "status",
    "review_note",
    "health",
    "app_version",
    "current_item",
    "uptime_seconds",
    "free_storage_bytes",
    "clock_offset_ms",
    "schedule_version",
  ]
    .map((c) => (c.endsWith("::text") ? `${a}.${c} as ${c.slice(0, -6)}` : `${a}.${c}`))
    .concat([iso(`${a}.last_heartbeat_at`), iso(`${a}.created_at`)])
    .join(", ");

export type Screen = ReturnType<typeof toScreen>;

/** A screen as the procedures return it. */
export function toScreen(r: ScreenRow) {
  return {
    id: r.id,
    ownerUserId: r.owner_user_id,
    name: r.name,
    address: r.address,
    area: r.area,
    lat: Number(r.lat),
    lng: Number(r.lng),
    venueType: r.venue_type,
    resolution: { width: r.width_px, height: r.height_px },
    sizeMeters: { width: Number(r.width_m), height: Number(r.height_m) },
    loopSeconds: r.loop_seconds,
    spotSeconds: r.spot_seconds,
    pricePerSpotHour: Number(r.price_per_spot_hour),
    currency: r.currency,
    hours: { open: hhmm(r.open_time), close: hhmm(r.close_time), timezone: r.timezone },
    impressionsPerPlay: Number(r.impressions_per_play),
    status: r.status,
    reviewNote: r.review_note,
    health: {
      status: r.health,
      lastHeartbeatAt: r.last_heartbeat_at,
      appVersion: r.app_version,
      currentItem: r.current_item,
      uptimeSeconds: r.uptime_seconds === null ? null : Number(r.uptime_seconds),
      freeStorageBytes: r.free_storage_bytes === null ? null : Number(r.free_storage_bytes),
      clockOffsetMs: r.clock_offset_ms,
    },
    scheduleVersion: Number(r.schedule_version),
    createdAt: r.created_at,
  };
}

/** The screen or a `not_found` naming the field. */
export async function loadScreen(ctx: Ctx, id: string, field = "screenId"): Promise<Screen> {
  const [row] = await ctx.db.query<ScreenRow>(
    `select ${screenColumns()} from screens s where s.id = $1::uuid`,
    [id],
  );
  if (!row) fail("not_found", `${field}: no screen '${id}'`);
  return toScreen(row);
}

/** Loads a screen the calling member owns (or manages the network). */
export async function loadOwnScreen(
  ctx: Ctx,
  member: { userId: string; canManage: boolean },
  id: string,
): Promise<Screen> {
  const screen = await loadScreen(ctx, id);
  if (screen.ownerUserId !== member.userId && !member.canManage)
    fail("forbidden", `screenId: '${screen.name}' is not your screen`);
  return screen;
}
