import { badInput } from "../errors";

export const planIds = ["free", "basic", "pro", "enterprise"] as const;
export type PlanId = (typeof planIds)[number];

export const limitKeys = [
  "seats",
  "subaccounts",
  "plugins",
  "apiCallsPerMonth",
  "aiTokensPerMonth",
  "screenHoursPerMonth",
] as const;
export type LimitKey = (typeof limitKeys)[number];

export const featureKeys = ["customDomains", "whiteLabelMail", "apiAccess", "sso"] as const;
export type FeatureKey = (typeof featureKeys)[number];

/** `null` means unlimited. */
export type Limits = Record<LimitKey, number | null>;

export type Plan = {
  id: PlanId;
  name: string;
  /** Monthly price in cents, shown on the page; Stripe's price is the one charged. */
  monthlyCents: number;
  /** The Stripe price Checkout sells; null for plans not sold through Checkout. */
  stripePriceId: string | null;
  limits: Limits;
  features: Record<FeatureKey, boolean>;
};

/**
 * The plan catalogue. Price ids are configuration (the fake Stripe seeds the same ids, see
 * platform/billing-fake-stripe); Enterprise is sold by contract, so it has no Checkout price.
 */
export const plans: readonly Plan[] = [
  {
    id: "free",
    name: "Free",
    monthlyCents: 0,
    stripePriceId: null,
    limits: {
      seats: 10,
      subaccounts: 3,
      plugins: 3,
      apiCallsPerMonth: 10_000,
      aiTokensPerMonth: 50_000,
      screenHoursPerMonth: 100,
    },
    features: { customDomains: false, whiteLabelMail: false, apiAccess: false, sso: false },
  },
  {
    id: "basic",
    name: "Basic",
    monthlyCents: 4_900,
    stripePriceId: "price_omnify_basic_monthly",
    limits: {
      seats: 25,
      subaccounts: 10,
      plugins: 10,
      apiCallsPerMonth: 100_000,
      aiTokensPerMonth: 500_000,
      screenHoursPerMonth: 1_000,
    },
    features: { customDomains: true, whiteLabelMail: false, apiAccess: true, sso: false },
  },
  {
    id: "pro",
    name: "Pro",
    monthlyCents: 14_900,
    stripePriceId: "price_omnify_pro_monthly",
    limits: {
      seats: 100,
      subaccounts: 50,
      plugins: 50,
      apiCallsPerMonth: 1_000_000,
      aiTokensPerMonth: 5_000_000,
      screenHoursPerMonth: 10_000,
    },
    features: { customDomains: true, whiteLabelMail: true, apiAccess: true, sso: false },
  },
  {
    id: "enterprise",
    name: "Enterprise",
    monthlyCents: 0,
    stripePriceId: null,
    limits: {
      seats: null,
      subaccounts: null,
      plugins: null,
      apiCallsPerMonth: null,
      aiTokensPerMonth: null,
      screenHoursPerMonth: null,
    },
    features: { customDomains: true, whiteLabelMail: true, apiAccess: true, sso: true },
  },
];

/** The plan named `id`; an unknown id is bad input on the `plan` field. */
export function planById(id: string): Plan {
  const plan = plans.find((p) => p.id === id);
  if (!plan) throw badInput("plan", `Unknown plan "${id}": choose one of ${planIds.join(", ")}`);
  return plan;
}

/** The plan a Stripe price sells, or undefined for a price we do not know. */
export function planForPrice(priceId: string): Plan | undefined {
  return plans.find((p) => p.stripePriceId === priceId);
}

/** The next plan up that raises `limit`, for the "upgrade to …" hint. */
export function upgradeFor(current: PlanId, limit: LimitKey): Plan | undefined {
  const from = planIds.indexOf(current);
  const mine = planById(current).limits[limit];
  return plans
    .slice(from + 1)
    .find((p) => p.limits[limit] === null || (mine !== null && (p.limits[limit] ?? 0) > mine));
}

/** Prices the fake Stripe should serve so Checkout sells exactly these plans. */
export function fakeStripePrices(): { id: string; unitAmount: number; nickname: string }[] {
  return plans.flatMap((p) =>
    p.stripePriceId ? [{ id: p.stripePriceId, unitAmount: p.monthlyCents, nickname: p.name }] : [],
  );
}
