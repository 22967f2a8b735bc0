/** Minor units (cents, kobo) as money in the screen's currency. */
export function money(minor: number, currency: string | null | undefined): string {
  const c = currency ?? "USD";
  return new Intl.NumberFormat(undefined, { style: "currency", currency: c }).format(minor / 100);
}

export const count = (n: number) => new Intl.NumberFormat().format(Math.round(n));

export const percent = (x: number) => `${Math.round(x * 100)}%`;

/** `2026-05-01T10:00:00Z` → local short date and time. */
export const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—";

export const bytes = (n: number | null | undefined) =>
  n === null || n === undefined ? "—" : `${(n / 1024 / 1024 / 1024).toFixed(1)} GB`;
