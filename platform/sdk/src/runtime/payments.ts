import type { PluginPayments } from "../payments.ts";
import type { BridgeCall } from "./context.ts";

/** A plain JSON copy, so getters or prototypes on plugin objects never reach the bridge. */
const plain = <T>(input: T): T => JSON.parse(JSON.stringify(input ?? {})) as T;

/** `ctx.payments`: each member is one bridge call; the host validates and checks consent. */
export function createPayments(call: BridgeCall): PluginPayments {
  return Object.freeze({
    createConnectedAccount: (input) => call("payments.createConnectedAccount", plain(input)),
    getConnectedAccount: (input) => call("payments.getConnectedAccount", plain(input)),
    createSubaccount: (input) => call("payments.createSubaccount", plain(input)),
    createCheckout: (input) => call("payments.createCheckout", plain(input)),
    refund: (input) => call("payments.refund", plain(input)),
    payout: (input) => call("payments.payout", plain(input)),
  });
}
