/** Every field name a tenant file may use, for "did you mean" hints on misspellings. */
const KNOWN_FIELDS = [
  "slug",
  "name",
  "theme",
  "plan",
  "plugins",
  "domains",
  "hostname",
  "verified",
  "brand",
  "productName",
  "supportEmail",
  "colors",
  "primary",
  "accent",
  "members",
  "email",
  "role",
  "subaccounts",
];

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The known field closest to `key`, if a typo (at most two edits, ignoring case) explains it. */
export function suggestField(key: string): string | undefined {
  let best: { field: string; d: number } | undefined;
  for (const field of KNOWN_FIELDS) {
    const d = distance(key.toLowerCase(), field.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { field, d };
  }
  return best?.field;
}
