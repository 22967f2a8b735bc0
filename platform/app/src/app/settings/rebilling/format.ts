/** Cents as money ("$49.00"). */
export const money = (cents: number, currency = "usd") =>
  new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).format(
    cents / 100,
  );

/** "12.50" (dollars as typed) → 1250 cents; NaN when it is not a number. */
export const toCents = (text: string) => Math.round(Number(text.trim()) * 100);

export const when = (d: Date | string) =>
  new Date(d).toLocaleString("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
