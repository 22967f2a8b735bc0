export { checkoutOnce } from "./checkout-store";
export { type PaymentsEnv, paymentClientsFromEnv, paymentsEnvSchema } from "./config";
export { providerKey } from "./idempotency";
export {
  createPaystackClient,
  type PaystackClient,
  type PaystackConfig,
} from "./paystack-client";
export { ingestPaystackWebhook, paystackSignature, processPaystackEvent } from "./paystack-webhook";
export { emitPaymentEvent, type PluginPaymentEvent, paymentEventSource } from "./plugin-events";
export { createPaymentsService, type PaymentsDeps, type PaymentsService } from "./service";
export { stripePaymentEvent } from "./stripe-events";
export type * from "./types";
