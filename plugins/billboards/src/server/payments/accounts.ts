import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireMember } from "../lib/context.ts";

const returnUrl = z
  .string()
  .max(2000)
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, "must be an http(s) URL");

const input = z.discriminatedUnion("provider", [
  z.strictObject({
    provider: z.literal("stripe"),
    email: z.email(),
    country: z.string().regex(/^[A-Z]{2}$/, "must be a country code like 'US'"),
    returnUrl,
  }),
  z.strictObject({
    provider: z.literal("paystack"),
    businessName: z.string().trim().min(1).max(100),
    settlementBank: z
      .string()
      .trim()
      .regex(/^\d{3,6}$/, "must be a bank code like '058'"),
    accountNumber: z
      .string()
      .trim()
      .regex(/^\d{10}$/, "must be a 10-digit account number"),
  }),
]);

/**
 * A screen owner sets up where they are paid: a Stripe connected account (USD screens;
 * returns the onboarding URL) or a Paystack subaccount (NGN screens). Once per provider.
 */
export const connectPayouts = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const member = requireMember(ctx);
    const [existing] = await ctx.db.query<{ account_ref: string; onboarding_url: string | null }>(
      "select account_ref, onboarding_url from payout_accounts where user_id = $1 and provider = $2",
      [member.userId, i.provider],
    );
    if (existing)
      return {
        provider: i.provider,
        accountRef: existing.account_ref,
        onboardingUrl: existing.onboarding_url,
      };
    let accountRef: string;
    let onboardingUrl: string | null = null;
    if (i.provider === "stripe") {
      const a = await ctx.payments.createConnectedAccount({
        provider: "stripe",
        email: i.email,
        country: i.country,
        returnUrl: i.returnUrl,
        refreshUrl: i.returnUrl,
      });
      accountRef = a.accountId;
      onboardingUrl = a.onboardingUrl;
    } else {
      const s = await ctx.payments.createSubaccount({
        provider: "paystack",
        businessName: i.businessName,
        settlementBank: i.settlementBank,
        accountNumber: i.accountNumber,
        percentageCharge: ctx.settings.platformFeePercent,
      });
      accountRef = s.subaccountCode;
    }
    await ctx.db.query(
      `insert into payout_accounts (tenant_id, user_id, provider, account_ref, onboarding_url)
       values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [ctx.tenant.id, member.userId, i.provider, accountRef, onboardingUrl],
    );
    return { provider: i.provider, accountRef, onboardingUrl };
  },
};

/** The caller's payout accounts (and, for Stripe, whether onboarding is finished). */
export const myPayoutAccounts = {
  input: z.strictObject({}),
  handler: async (_: unknown, ctx: Ctx) => {
    const member = requireMember(ctx);
    const rows = await ctx.db.query<{
      provider: "stripe" | "paystack";
      account_ref: string;
      onboarding_url: string | null;
    }>("select provider, account_ref, onboarding_url from payout_accounts where user_id = $1", [
      member.userId,
    ]);
    const accounts = [];
    for (const r of rows) {
      let ready = true;
      if (r.provider === "stripe") {
        const a = await ctx.payments
          .getConnectedAccount({ provider: "stripe", accountId: r.account_ref })
          .catch(() => null);
        ready = Boolean(a?.chargesEnabled && a.payoutsEnabled);
      }
      accounts.push({
        provider: r.provider,
        accountRef: r.account_ref,
        onboardingUrl: r.onboarding_url,
        ready,
      });
    }
    return { accounts };
  },
};
