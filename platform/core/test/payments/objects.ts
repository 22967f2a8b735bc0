import type { StripeObject } from "@omnify/fake-stripe";

/** The object an event is about (`event.data.object`); `{}` when there is no such event. */
export const objectOf = (event: StripeObject | undefined): StripeObject =>
  ((event?.data as { object?: StripeObject } | undefined)?.object ?? {}) as StripeObject;
