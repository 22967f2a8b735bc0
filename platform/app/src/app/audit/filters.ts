/** The audit filters as URL parameters, shared by the page and the CSV route. */
export type AuditFilterParams = {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive (the day is included in full). */
  to?: string;
};

export type ParsedFilters = {
  action?: string;
  actor?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TEXT_KEYS = ["action", "actor", "targetType", "targetId"] as const;

function day(value: string, field: string, addDays = 0): Date | string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!DAY.test(value) || Number.isNaN(date.getTime())) return `${field}: use YYYY-MM-DD`;
  return new Date(date.getTime() + addDays * 86_400_000);
}

/** Reads filters from a query string; a bad date names its field. */
export function filtersFromParams(
  params: URLSearchParams,
): { ok: true; filters: ParsedFilters } | { ok: false; error: string } {
  const filters: ParsedFilters = {};
  for (const key of TEXT_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  for (const [key, offset] of [
    ["from", 0],
    ["to", 1],
  ] as const) {
    const raw = params.get(key)?.trim();
    if (!raw) continue;
    const parsed = day(raw, key, offset);
    if (typeof parsed === "string") return { ok: false, error: parsed };
    filters[key] = parsed;
  }
  return { ok: true, filters };
}

/** The query string for `filters`, without empty values. */
export function paramsFor(filters: AuditFilterParams): string {
  const entries = Object.entries(filters).filter(([, v]) => v?.trim());
  return new URLSearchParams(entries as [string, string][]).toString();
}
