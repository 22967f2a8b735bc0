import { deflateSync } from "node:zlib";
import type { PaymentSucceededEvent, PluginCaller } from "@omnify/plugin-sdk";
import type { PluginRun } from "@omnify/plugin-sdk/testing";

/** Members of the network, as the host would describe them in ctx.caller. */
export const OWNER: PluginCaller = {
  kind: "member",
  userId: "00000000-0000-4000-8000-0000000000a1",
  role: "agency_member",
  canManage: false,
};
export const ADVERTISER: PluginCaller = {
  kind: "member",
  userId: "00000000-0000-4000-8000-0000000000b2",
  role: "agency_member",
  canManage: false,
};
export const ADMIN: PluginCaller = {
  kind: "member",
  userId: "00000000-0000-4000-8000-0000000000c3",
  role: "agency_admin",
  canManage: true,
};
export const as = (caller: PluginCaller) => ({ caller });
/** Another plain member (not an admin) with the given user id. */
export const member = (userId: string): PluginCaller => ({
  kind: "member",
  userId,
  role: "agency_member",
  canManage: false,
});

/** A real (blank) PNG of the given size: the upload probe reads its header. */
export function png(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.alloc((width * 3 + 1) * height);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", ihdr),
      chunk("IDAT", deflateSync(raw)),
      chunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** Today and later dates as `YYYY-MM-DD` (UTC). */
export const day = (offset = 0) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export type ScreenOut = { screen: { id: string; status: string } };

export const SCREEN = {
  name: "Ikoyi Link Bridge",
  address: "Ikoyi Link Bridge, Lagos",
  area: "Lagos",
  lat: 6.45,
  lng: 3.43,
  venueType: "roadside",
  resolution: { width: 1920, height: 1080 },
  sizeMeters: { width: 12, height: 6.75 },
  loopSeconds: 60,
  spotSeconds: 15,
  pricePerSpotHour: 6000,
  currency: "USD",
  hours: { open: "00:00", close: "24:00", timezone: "UTC" },
  impressionsPerPlay: 2.5,
} as const;

/** Registers a screen as OWNER and approves it as ADMIN; returns its id. */
export async function approvedScreen(
  p: PluginRun,
  tenant: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { screen } = await p.call<ScreenOut>(
    tenant,
    "screens.create",
    { ...SCREEN, ...overrides },
    as(OWNER),
  );
  await p.call(tenant, "screens.review", { screenId: screen.id, decision: "approve" }, as(ADMIN));
  return screen.id;
}

/** Pairs a new fake screen device with the screen; returns the device id. */
export async function pairedDevice(p: PluginRun, tenant: string, screenId: string) {
  const code = p.devices.pairingCode();
  const r = await p.call<{ deviceId: string }>(
    tenant,
    "screens.pair",
    { screenId, code },
    as(OWNER),
  );
  return r.deviceId;
}

/** Uploads a creative of the screen's size as ADVERTISER; returns the creative id. */
export async function creative(p: PluginRun, tenant: string, screenId: string, w = 1920, h = 1080) {
  const object = await p.upload(tenant, png(w, h));
  const r = await p.call<{ creative: { id: string } }>(
    tenant,
    "creatives.create",
    { screenId, key: object.key, name: "Spring sale" },
    as(ADVERTISER),
  );
  return r.creative.id;
}

/** OWNER connects a Stripe account (USD screens are paid through Stripe Connect). */
export async function ownerPayouts(p: PluginRun, tenant: string) {
  const r = await p.call<{ accountRef: string }>(
    tenant,
    "payouts.connect",
    {
      provider: "stripe",
      email: "owner@example.com",
      country: "US",
      returnUrl: "https://portal.example.com/p/billboards/screens",
    },
    as(OWNER),
  );
  return r;
}

/** OWNER connects a Paystack subaccount (NGN screens are paid through a Paystack split). */
export async function ownerPaystack(p: PluginRun, tenant: string) {
  const bank = { settlementBank: "058", accountNumber: "0123456789" };
  return p.call<{ accountRef: string }>(
    tenant,
    "payouts.connect",
    { provider: "paystack", businessName: "Lekki Screens Ltd", ...bank },
    as(OWNER),
  );
}

export const URLS = {
  successUrl: "https://portal.example.com/p/billboards/dashboard?paid=1",
  cancelUrl: "https://portal.example.com/p/billboards/book",
};

export type Booked = {
  bookingId: string;
  amount: number;
  platformFee: number;
  hours: number;
  checkoutId: string;
  event: PaymentSucceededEvent;
};

/** Books as ADVERTISER and pays the checkout (the harness delivers `payments.succeeded`). */
export async function bookAndPay(
  p: PluginRun,
  tenant: string,
  input: Record<string, unknown>,
): Promise<Booked> {
  const b = await p.call<Omit<Booked, "event">>(
    tenant,
    "bookings.create",
    { ...URLS, ...input },
    as(ADVERTISER),
  );
  return { ...b, event: await p.payments.pay(b.checkoutId) };
}

export type Entry = { key: string; kind: string; amount: number; providerRef: string | null };

/** The ledger entries of one booking (as an admin sees them). */
export async function ledgerOf(p: PluginRun, tenant: string, bookingId: string) {
  const r = await p.call<{ entries: Entry[] }>(tenant, "ledger.list", { bookingId }, as(ADMIN));
  return r.entries;
}

/** Sum of a booking's ledger entries of one kind. */
export const total = (entries: Entry[], kind: string) =>
  entries.filter((e) => e.kind === kind).reduce((n, e) => n + e.amount, 0);

/** A screen of `owner` on air: approved, paired, with a paid booking from today whose creative the owner approved. */
export async function screenOnAir(
  p: PluginRun,
  tenant: string,
  owner: PluginCaller = OWNER,
  overrides: Record<string, unknown> = {},
) {
  const { screen } = await p.call<ScreenOut>(
    tenant,
    "screens.create",
    { ...SCREEN, ...overrides },
    as(owner),
  );
  await p.call(tenant, "screens.review", { screenId: screen.id, decision: "approve" }, as(ADMIN));
  const code = p.devices.pairingCode();
  const { deviceId } = await p.call<{ deviceId: string }>(
    tenant,
    "screens.pair",
    { screenId: screen.id, code },
    as(owner),
  );
  const creativeId = await creative(p, tenant, screen.id);
  const booking = await bookAndPay(p, tenant, {
    screenId: screen.id,
    creativeId,
    from: day(0),
    to: day(1),
    spotsPerHour: 1,
  });
  await p.call(tenant, "creatives.review", { creativeId, decision: "approve" }, as(owner));
  return { screenId: screen.id, deviceId, creativeId, booking };
}
