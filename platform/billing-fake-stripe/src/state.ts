import { randomBytes } from "node:crypto";

export type StripeObject = Record<string, unknown> & { id: string; object: string };
export type FakePrice = { id: string; unitAmount: number; currency?: string; nickname?: string };

/** Stripe-looking ids: a type prefix and 24 random characters. */
export const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;

export const MONTH_SECONDS = 30 * 86_400;

/**
 * The fake's whole world, in memory. The clock is the fake's own (seconds, like Stripe's
 * `created`), strictly increasing so every event is ordered, and tests can move it forward.
 */
export class FakeState {
  readonly prices = new Map<string, StripeObject>();
  readonly customers = new Map<string, StripeObject>();
  readonly checkoutSessions = new Map<string, StripeObject>();
  readonly subscriptions = new Map<string, StripeObject>();
  readonly invoices = new Map<string, StripeObject>();
  /** Proration lines waiting for the customer's next invoice. */
  readonly pendingLines = new Map<string, StripeObject[]>();
  readonly events: StripeObject[] = [];
  private clock: number;

  constructor(prices: FakePrice[], start = Math.floor(Date.now() / 1000)) {
    this.clock = start;
    for (const p of prices) {
      this.prices.set(p.id, {
        id: p.id,
        object: "price",
        active: true,
        currency: p.currency ?? "usd",
        unit_amount: p.unitAmount,
        nickname: p.nickname ?? null,
        type: "recurring",
        recurring: { interval: "month", interval_count: 1 },
        product: `prod_${p.id}`,
        livemode: false,
        created: start,
      });
    }
  }

  now(): number {
    return this.clock;
  }

  /** Moves the clock on; each event also takes one second so `created` never ties. */
  advance(seconds: number): number {
    this.clock += seconds;
    return this.clock;
  }

  emit(type: string, object: StripeObject): StripeObject {
    const event: StripeObject = {
      id: newId("evt"),
      object: "event",
      api_version: "2025-10-29.clover",
      created: this.advance(1),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    };
    this.events.push(event);
    return event;
  }
}
