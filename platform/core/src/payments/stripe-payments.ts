import type Stripe from "stripe";
import { badInput, DomainError } from "../errors";
import { providerKey } from "./idempotency";
import {
  type Checkout,
  type ConnectedAccount,
  type CreateCheckoutInput,
  type CreateConnectedAccountInput,
  omnifyMetadata,
  type PaymentOrigin,
  type PayoutInput,
  type Refund,
  type RefundInput,
} from "./types";

/** Stripe's refusals become errors the plugin can read, naming Stripe's parameter. */
async function stripeCall<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    const e = error as { type?: string; message?: string; param?: string; statusCode?: number };
    if (typeof e.type === "string" && e.type.startsWith("Stripe") && (e.statusCode ?? 500) < 500)
      throw new DomainError(
        e.statusCode === 404 ? "NOT_FOUND" : "BAD_INPUT",
        `Stripe: ${e.message ?? "request refused"}`,
        e.param,
      );
    throw error;
  }
}

const idOf = (v: string | { id: string } | null | undefined) =>
  typeof v === "string" ? v : (v?.id ?? null);

/**
 * Stripe takes a Checkout Session `expires_at` between 30 minutes and 24 hours after the
 * session is created; the wanted instant is moved into that window, with a minute's margin
 * for the request's trip and clock skew.
 */
function checkoutExpiry(expiresAt: string): number {
  const wanted = Math.floor(Date.parse(expiresAt) / 1000);
  if (!Number.isFinite(wanted)) throw badInput("expiresAt", "expiresAt must be an ISO instant");
  const now = Math.floor(Date.now() / 1000);
  return Math.min(Math.max(wanted, now + 31 * 60), now + 24 * 3600 - 60);
}

/** Stripe Connect for plugins: destination charges, refunds that unwind them, payouts. */
export function stripePayments(stripe: Stripe) {
  /** A connected account this tenant's plugin created (its metadata says so), else not found. */
  async function ownAccount(origin: PaymentOrigin, accountId: string, field: string) {
    const account = await stripeCall(stripe.accounts.retrieve(accountId));
    const md = (account.metadata ?? {}) as Record<string, string | undefined>;
    if (md.omnify_tenant !== origin.tenantId || md.omnify_plugin !== origin.pluginId)
      throw new DomainError("NOT_FOUND", "No such connected account for this plugin", field);
    return account;
  }

  return {
    async createConnectedAccount(origin: PaymentOrigin, input: CreateConnectedAccountInput) {
      const account = await stripeCall(
        stripe.accounts.create({
          type: "express",
          email: input.email,
          country: input.country.toUpperCase(),
          capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
          // The owner's share stays in the account until the plugin pays it out for verified
          // plays (`payout`); Stripe's default daily schedule would pay everything at once.
          settings: { payouts: { schedule: { interval: "manual" } } },
          metadata: { omnify_tenant: origin.tenantId, omnify_plugin: origin.pluginId },
        }),
      );
      const link = await stripeCall(
        stripe.accountLinks.create({
          account: account.id,
          type: "account_onboarding",
          return_url: input.returnUrl,
          refresh_url: input.refreshUrl,
        }),
      );
      return { accountId: account.id, onboardingUrl: link.url };
    },

    async getConnectedAccount(origin: PaymentOrigin, accountId: string): Promise<ConnectedAccount> {
      const a = await ownAccount(origin, accountId, "accountId");
      return {
        accountId: a.id,
        chargesEnabled: a.charges_enabled === true,
        payoutsEnabled: a.payouts_enabled === true,
      };
    },

    /** A Checkout Session for a destination charge: the fee stays, the rest is transferred. */
    async createCheckout(origin: PaymentOrigin, input: CreateCheckoutInput): Promise<Checkout> {
      if (!input.destination.startsWith("acct_"))
        throw badInput("destination", "A Stripe destination is a connected account id (acct_…)");
      const account = await ownAccount(origin, input.destination, "destination");
      // Accounts made before payouts were manual: hold the money there from now on too.
      if (account.settings?.payouts?.schedule?.interval !== "manual")
        await stripeCall(
          stripe.accounts.update(account.id, {
            settings: { payouts: { schedule: { interval: "manual" } } },
          }),
        );
      const metadata = omnifyMetadata(origin, input);
      const expiresAt = input.expiresAt ? checkoutExpiry(input.expiresAt) : undefined;
      const session = await stripeCall(
        stripe.checkout.sessions.create(
          {
            mode: "payment",
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.currency.toLowerCase(),
                  unit_amount: input.amount,
                  product_data: { name: input.description },
                },
              },
            ],
            payment_intent_data: {
              application_fee_amount: input.applicationFeeAmount,
              transfer_data: { destination: input.destination },
              metadata,
            },
            metadata,
            client_reference_id: input.reference,
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
            ...(input.customerEmail ? { customer_email: input.customerEmail } : {}),
            ...(expiresAt ? { expires_at: expiresAt } : {}),
          },
          { idempotencyKey: providerKey(origin, "checkout", input.idempotencyKey) },
        ),
      );
      if (!session.url) throw new Error(`Stripe returned checkout ${session.id} without a URL`);
      return {
        provider: "stripe",
        checkoutId: session.id,
        url: session.url,
        ...(expiresAt ? { expiresAt: new Date(session.expires_at * 1000).toISOString() } : {}),
      };
    },

    /**
     * Refunds part or all of a destination charge. `reverse_transfer` takes the owner's share
     * back from the connected account and `refund_application_fee` gives the fee back, both
     * in proportion to the amount, as Stripe does.
     */
    async refund(origin: PaymentOrigin, input: RefundInput): Promise<Refund> {
      const intent = await stripeCall(stripe.paymentIntents.retrieve(input.paymentId));
      assertOwn(origin, intent.metadata);
      const refund = await stripeCall(
        stripe.refunds.create(
          {
            payment_intent: input.paymentId,
            amount: input.amount,
            reverse_transfer: input.reverseTransfer,
            refund_application_fee: input.refundApplicationFee,
            metadata: {
              omnify_tenant: origin.tenantId,
              omnify_plugin: origin.pluginId,
              omnify_reference: intent.metadata.omnify_reference ?? "",
            },
          },
          { idempotencyKey: providerKey(origin, "refund", input.idempotencyKey) },
        ),
      );
      const fee = intent.application_fee_amount ?? 0;
      return {
        refundId: refund.id,
        amount: refund.amount,
        transferReversalId: idOf(refund.transfer_reversal),
        applicationFeeRefunded: input.refundApplicationFee
          ? Math.round((fee * refund.amount) / intent.amount)
          : 0,
      };
    },

    /** Pays out from the connected account's balance to its bank (Stripe refuses beyond it). */
    async payout(origin: PaymentOrigin, input: PayoutInput) {
      await ownAccount(origin, input.accountId, "accountId");
      const payout = await stripeCall(
        stripe.payouts.create(
          {
            amount: input.amount,
            currency: input.currency.toLowerCase(),
            metadata: { omnify_tenant: origin.tenantId, omnify_plugin: origin.pluginId },
          },
          {
            stripeAccount: input.accountId,
            idempotencyKey: providerKey(origin, "payout", input.idempotencyKey),
          },
        ),
      );
      return { payoutId: payout.id };
    },
  };
}

/** A plugin may only refund payments it took in its own tenant. */
export function assertOwn(origin: PaymentOrigin, metadata: Record<string, string | undefined>) {
  if (metadata.omnify_tenant !== origin.tenantId || metadata.omnify_plugin !== origin.pluginId)
    throw new DomainError("NOT_FOUND", "No such payment for this plugin", "paymentId");
}
