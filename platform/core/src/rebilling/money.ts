/**
 * Exact money arithmetic for rebilling. Quantities and unit prices are decimals (numeric in
 * PostgreSQL, strings here) with up to six places; amounts are integer cents, rounded half up
 * once per line, so a line never drifts by a float's rounding.
 */
const SCALE = 1_000_000n;

/** "0.0025" → 2500n (millionths); more than six decimals are rounded half up. */
export function toMicros(value: string | number): bigint {
  const text = typeof value === "number" ? value.toFixed(6) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const frac = (m[3] ?? "").padEnd(7, "0");
  let micros = BigInt(m[2] ?? "0") * SCALE + BigInt(frac.slice(0, 6));
  if (Number(frac[6]) >= 5) micros += 1n;
  return m[1] ? -micros : micros;
}

/** 2500n → "0.0025" (trailing zeros trimmed). */
export function fromMicros(micros: bigint): string {
  const sign = micros < 0n ? "-" : "";
  const abs = micros < 0n ? -micros : micros;
  const frac = (abs % SCALE).toString().padStart(6, "0").replace(/0+$/, "");
  return `${sign}${abs / SCALE}${frac ? `.${frac}` : ""}`;
}

/**
 * Cents for `quantity` units at `unitPrice` (major unit, e.g. dollars) marked up by
 * `markupPercent`: quantity × price × (1 + markup / 100), rounded half up to a cent.
 */
export function lineCents(quantity: string, unitPrice: string, markupPercent: string): number {
  const q = toMicros(quantity);
  const p = toMicros(unitPrice);
  const basis = 10_000n + toMicros(markupPercent) / 10_000n; // markup in basis points
  // q·p is in 1e-12 dollars; ×basis/1e4 applies the markup; ×100 turns dollars into cents.
  const numerator = q * p * basis * 100n;
  const denominator = SCALE * SCALE * 10_000n;
  return Number((numerator + denominator / 2n) / denominator);
}

/*
 * Rebilling amounts are integers in hundredths of the currency's major unit, which is what
 * Stripe's `amount` means for a two-decimal currency only. Stripe reads JPY 1000 as ¥1000
 * (zero-decimal) and KWD 1000 as 1.000 KWD (three-decimal), so those are refused up front
 * rather than billed 100× or 10× off.
 */
const ZERO_DECIMAL = new Set(
  "bif clp djf gnf jpy kmf krw mga pyg rwf ugx vnd vuv xaf xof xpf".split(" "),
);
const THREE_DECIMAL = new Set("bhd jod kwd omr tnd".split(" "));
/** Stripe takes ISK as two-decimal amounts that must be whole krónur: cents would not fit. */
const WHOLE_UNITS_ONLY = new Set(["isk"]);
const KNOWN = new Set(Intl.supportedValuesOf("currency").map((c) => c.toLowerCase()));

/**
 * Why `currency` (lower-case ISO 4217) cannot price a client plan, or null when it can: a
 * known currency that Stripe charges with two decimals.
 */
export function currencyProblem(currency: string): string | null {
  const code = currency.toUpperCase();
  if (!KNOWN.has(currency)) return `${code} is not an ISO 4217 currency code`;
  if (ZERO_DECIMAL.has(currency) || WHOLE_UNITS_ONLY.has(currency))
    return `${code} has no cents on Stripe; client plans are priced in two-decimal currencies only (like USD, EUR, GBP)`;
  if (THREE_DECIMAL.has(currency))
    return `${code} has three decimals on Stripe; client plans are priced in two-decimal currencies only (like USD, EUR, GBP)`;
  return null;
}

/** "$1,234.50" for 123450 cents (or "€…", by ISO currency), always with two decimals. */
export function formatCents(cents: number, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(cents / 100);
}

/** A unit price with as many decimals as it has (up to six): "$0.0025". */
export function formatUnitPrice(unitPrice: string, currency: string): string {
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currency.toUpperCase(),
    maximumFractionDigits: 6,
  }).format(Number(unitPrice));
}

/** "20.00" → "20", "0.50" → "0.5": how a numeric column's value is shown and compared. */
export const plainDecimal = (value: string | number) => fromMicros(toMicros(String(value)));
