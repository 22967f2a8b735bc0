import { DomainError, type PaymentsService } from "@omnify/core";
import type { PaymentsSink } from "@omnify/plugin-host";
import { HostApiError } from "@omnify/plugin-sdk";

/** Provider refusals reach the plugin as readable errors naming the field. */
async function readable<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof DomainError)
      throw new HostApiError(
        error.code === "NOT_FOUND" ? "not_found" : "bad_request",
        error.field ? `${error.field}: ${error.message}` : error.message,
      );
    throw error;
  }
}

/** `ctx.payments` → core's payments service, for the invocation's tenant and plugin. */
export function paymentsSink(service: PaymentsService): PaymentsSink {
  return {
    "payments.createConnectedAccount": (o, a) => readable(service.createConnectedAccount(o, a)),
    "payments.getConnectedAccount": (o, a) => readable(service.getConnectedAccount(o, a)),
    "payments.createSubaccount": (o, a) => readable(service.createSubaccount(o, a)),
    "payments.createCheckout": (o, a) => readable(service.createCheckout(o, a)),
    "payments.refund": (o, a) => readable(service.refund(o, a)),
    "payments.payout": (o, a) => readable(service.payout(o, a)),
  };
}
