/** Cents as money for people ("$49.00"); Stripe amounts are integers in the smallest unit. */
export function money(cents: number, currency = "usd"): string {
  return new Intl.NumberFormat("en", {
    style: "currency",
    currency: currency.toUpperCase(),
  }).format(cents / 100);
}

export const LIMIT_LABELS: Record<string, string> = {
  seats: "Seats",
  subaccounts: "Sub-accounts",
  plugins: "Plugins",
  apiCallsPerMonth: "API calls this month",
  aiTokensPerMonth: "AI tokens this month",
  screenHoursPerMonth: "Screen hours this month",
};
