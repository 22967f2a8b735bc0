export { decodeForm } from "./form";
export { type FakeStripe, type FakeStripeOptions, signPayload, startFakeStripe } from "./server";
export type { FakePrice, StripeObject } from "./state";
