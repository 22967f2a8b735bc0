export { applyStripeEvent } from "./apply-event";
export * from "./checkout";
export * from "./entitlements";
export { type IngestResult, ingestStripeWebhook, STRIPE_EVENTS_CHANNEL } from "./ingest-webhook";
export * from "./plans";
export { processStripeEvent } from "./process-event";
export { setFeatureOverride } from "./set-override";
export * from "./state-machine";
export { createStripeClient, type Stripe, type StripeConfig } from "./stripe-client";
