import type { SubscriptionStatus } from "@omnify/db";

/** Days a past-due tenant keeps full access before it turns read-only. */
export const PAST_DUE_GRACE_DAYS = 7;

/**
 * Stripe has more statuses than we act on; each maps onto our four. `unpaid` and
 * `incomplete` mean money is owed (past_due); `incomplete_expired` and `paused` end access.
 */
export function toSubscriptionStatus(stripeStatus: string): SubscriptionStatus {
  switch (stripeStatus) {
    case "trialing":
    case "active":
    case "past_due":
    case "canceled":
      return stripeStatus;
    case "unpaid":
    case "incomplete":
      return "past_due";
    default:
      return "canceled";
  }
}

export type SubscriptionState = {
  status: SubscriptionStatus;
  pastDueSince: Date | null;
};

/**
 * The state after Stripe reports `status` at `at`. Entering past_due starts the grace clock;
 * staying past_due keeps the first date (a retry must not extend the grace); leaving clears it.
 */
export function transition(
  current: SubscriptionState | undefined,
  status: SubscriptionStatus,
  at: Date,
): SubscriptionState {
  if (status !== "past_due") return { status, pastDueSince: null };
  return {
    status,
    pastDueSince:
      current?.status === "past_due" && current.pastDueSince ? current.pastDueSince : at,
  };
}

/** Whether the tenant is read-only: past due for longer than the grace period. */
export function isReadOnly(
  state: SubscriptionState | undefined,
  now: Date,
  graceDays = PAST_DUE_GRACE_DAYS,
): boolean {
  if (state?.status !== "past_due" || !state.pastDueSince) return false;
  return now.getTime() - state.pastDueSince.getTime() > graceDays * 86_400_000;
}

/** Statuses that keep the paid plan's entitlements; canceled falls back to Free. */
export function keepsPlan(status: SubscriptionStatus): boolean {
  return status !== "canceled";
}
