import { type Tx, withinTenant } from "@omnify/db";
import { findInstallation, loadVersion } from "../plugins/catalog-rows";
import { queuePluginEvent } from "../plugins/emit-event";
import type { PaymentProvider } from "./types";

type Obj = Record<string, unknown>;
export type PluginPaymentEvent = {
  tenantId: string;
  pluginId: string;
  type: "payments.succeeded" | "payments.refunded";
  payload: Obj;
};

/** Outbox source of payment events: the dispatcher delivers them to this plugin only. */
export const paymentEventSource = (pluginId: string) => `payments:${pluginId}`;

/** Paystack may hand metadata back as a JSON string; Stripe always as an object. */
export function metadataOf(o: Obj | undefined): Record<string, string> {
  let m = o?.metadata;
  if (typeof m === "string") {
    try {
      m = JSON.parse(m);
    } catch {
      return {};
    }
  }
  return m && typeof m === "object" ? (m as Record<string, string>) : {};
}

/** `payments.succeeded` from a paid checkout's object and the metadata Omnify set on it. */
export function succeeded(
  provider: PaymentProvider,
  md: Record<string, string>,
  p: { checkoutId: string; paymentId: string; amount: number; currency: string },
): PluginPaymentEvent | null {
  if (!md.omnify_tenant || !md.omnify_plugin) return null;
  return {
    tenantId: md.omnify_tenant,
    pluginId: md.omnify_plugin,
    type: "payments.succeeded",
    payload: {
      provider,
      reference: md.omnify_reference ?? "",
      checkoutId: p.checkoutId,
      paymentId: p.paymentId,
      amount: p.amount,
      currency: p.currency.toLowerCase(),
      applicationFeeAmount: Number(md.omnify_application_fee ?? 0),
      destination: md.omnify_destination ?? "",
    },
  };
}

export function refunded(
  provider: PaymentProvider,
  md: Record<string, string>,
  p: { paymentId: string; refundId: string; amount: number },
): PluginPaymentEvent | null {
  if (!md.omnify_tenant || !md.omnify_plugin) return null;
  return {
    tenantId: md.omnify_tenant,
    pluginId: md.omnify_plugin,
    type: "payments.refunded",
    payload: { provider, reference: md.omnify_reference ?? "", ...p },
  };
}

/**
 * Puts a payment event into the named tenant's plugin outbox, for that plugin only, and
 * only if it is enabled there and its installed version declares payments. Runs in the
 * caller's transaction (the ledger row's), so the event exists iff the row is processed.
 */
export async function emitPaymentEvent(tx: Tx, e: PluginPaymentEvent): Promise<string> {
  return withinTenant(tx, e.tenantId, async () => {
    const installation = await findInstallation(tx, e.tenantId, e.pluginId);
    if (installation?.status !== "enabled") return `${e.pluginId} is not enabled in the tenant`;
    const version = await loadVersion(tx, e.pluginId, installation.version);
    if (!version.manifest.capabilities.payments) return `${e.pluginId} does not declare payments`;
    await queuePluginEvent(tx, e.type, e.payload, { source: paymentEventSource(e.pluginId) });
    return `${e.type} for ${e.pluginId}`;
  });
}
