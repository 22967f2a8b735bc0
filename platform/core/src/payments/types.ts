import type { CreateCheckoutInput } from "@omnify/plugin-sdk/payments";

/** The capability's shapes are the SDK's (`ctx.payments`): one definition for both sides. */
export type {
  Checkout,
  ConnectedAccount,
  CreateCheckoutInput,
  CreateConnectedAccountInput,
  CreateSubaccountInput,
  PaymentProvider,
  PayoutInput,
  Refund,
  RefundInput,
} from "@omnify/plugin-sdk/payments";

/** Who asks: the invocation's tenant and plugin (from the host, never from plugin input). */
export type PaymentOrigin = { tenantId: string; pluginId: string };

/** Metadata every provider object carries, so webhooks lead back to the tenant and plugin. */
export type OmnifyMetadata = {
  omnify_tenant: string;
  omnify_plugin: string;
  omnify_reference: string;
  omnify_application_fee: string;
  omnify_destination: string;
};

export function omnifyMetadata(origin: PaymentOrigin, input: CreateCheckoutInput): OmnifyMetadata {
  return {
    omnify_tenant: origin.tenantId,
    omnify_plugin: origin.pluginId,
    omnify_reference: input.reference,
    omnify_application_fee: String(input.applicationFeeAmount),
    omnify_destination: input.destination,
  };
}
