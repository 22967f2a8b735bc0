import { createHash } from "node:crypto";
import type { PaymentOrigin } from "./types";

/**
 * The key sent to the provider: the plugin's key scoped to its tenant, plugin and operation,
 * so two tenants (or a checkout and a refund) can never collide, and a plugin's retry with
 * the same key reaches the provider as the same request. Hashed to fit every provider's
 * length and character rules (Stripe ≤ 255, Paystack references alphanumeric + `-._=`).
 */
export function providerKey(origin: PaymentOrigin, operation: string, key: string): string {
  const digest = createHash("sha256")
    .update(`${origin.tenantId}\n${origin.pluginId}\n${operation}\n${key}`)
    .digest("hex");
  return `omn_${digest.slice(0, 40)}`;
}
