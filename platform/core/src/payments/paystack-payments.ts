import { badInput, DomainError } from "../errors";
import { providerKey } from "./idempotency";
import type { PaystackClient } from "./paystack-client";
import { metadataOf } from "./plugin-events";
import {
  type Checkout,
  type CreateCheckoutInput,
  type CreateSubaccountInput,
  omnifyMetadata,
  type PaymentOrigin,
  type Refund,
  type RefundInput,
} from "./types";

const refundOf = (fee: number, total: number, r: { id: number; amount: number }): Refund => ({
  refundId: String(r.id),
  amount: r.amount,
  // Paystack has no transfer object to reverse: the split is unwound inside the refund.
  transferReversalId: null,
  applicationFeeRefunded: Math.round((fee * r.amount) / total),
});

/** Paystack for plugins: subaccounts, split payments and their refunds. */
export function paystackPayments(paystack: PaystackClient) {
  return {
    async createSubaccount(origin: PaymentOrigin, input: CreateSubaccountInput) {
      const sub = await paystack.createSubaccount({
        business_name: input.businessName,
        settlement_bank: input.settlementBank,
        account_number: input.accountNumber,
        percentage_charge: input.percentageCharge,
        metadata: JSON.stringify({
          omnify_tenant: origin.tenantId,
          omnify_plugin: origin.pluginId,
        }),
      });
      return { subaccountCode: sub.subaccount_code };
    },

    /**
     * A split payment: `subaccount` gets the amount minus `transaction_charge` (the
     * platform's fee); `bearer: account` makes the platform pay Paystack's own fees. The
     * reference is the scoped idempotency key, so Paystack itself refuses a second charge.
     */
    async createCheckout(origin: PaymentOrigin, input: CreateCheckoutInput): Promise<Checkout> {
      if (!input.destination.startsWith("ACCT_"))
        throw badInput("destination", "A Paystack destination is a subaccount code (ACCT_…)");
      if (!input.customerEmail)
        throw badInput("customerEmail", "Paystack needs the payer's e-mail (customerEmail)");
      const sub = await paystack.getSubaccount(input.destination);
      const owner = metadataOf(sub as unknown as Record<string, unknown>);
      if (owner.omnify_tenant !== origin.tenantId || owner.omnify_plugin !== origin.pluginId)
        throw new DomainError("NOT_FOUND", "No such subaccount for this plugin", "destination");
      const reference = providerKey(origin, "checkout", input.idempotencyKey);
      const tx = await paystack.initializeTransaction({
        email: input.customerEmail,
        amount: String(input.amount),
        currency: input.currency.toUpperCase(),
        reference,
        callback_url: input.successUrl,
        subaccount: input.destination,
        transaction_charge: input.applicationFeeAmount,
        bearer: "account",
        metadata: {
          ...omnifyMetadata(origin, input),
          cancel_action: input.cancelUrl,
          description: input.description,
        },
      });
      return { provider: "paystack", checkoutId: tx.reference, url: tx.authorization_url };
    },

    /**
     * Refunds part of a split payment. Paystack has no idempotency header, so the refund
     * carries the scoped key as its merchant note and a retry finds it instead of refunding
     * again.
     */
    async refund(origin: PaymentOrigin, input: RefundInput): Promise<Refund> {
      if (!input.reverseTransfer || !input.refundApplicationFee)
        throw badInput(
          "reverseTransfer",
          "Paystack refunds always unwind the split: reverseTransfer and refundApplicationFee must be true",
        );
      const tx = await paystack.verifyTransaction(input.paymentId);
      const meta = (tx.metadata ?? {}) as Record<string, string | undefined>;
      if (meta.omnify_tenant !== origin.tenantId || meta.omnify_plugin !== origin.pluginId)
        throw new DomainError("NOT_FOUND", "No such payment for this plugin", "paymentId");
      if (tx.status !== "success")
        throw badInput("paymentId", `Payment ${input.paymentId} is ${tx.status}, not paid`);
      const fee = Number(meta.omnify_application_fee ?? 0);
      const note = providerKey(origin, "refund", input.idempotencyKey);
      const earlier = (await paystack.listRefunds(input.paymentId)).find(
        (r) => r.merchant_note === note,
      );
      if (earlier) return refundOf(fee, tx.amount, earlier);
      const refund = await paystack.createRefund({
        transaction: input.paymentId,
        amount: input.amount,
        merchant_note: note,
      });
      return refundOf(fee, tx.amount, refund);
    },
  };
}
