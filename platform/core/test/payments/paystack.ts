import { type FakePaystack, startFakePaystack } from "@omnify/fake-paystack";
import { afterAll, beforeAll } from "vitest";
import { createPaystackClient, type PaystackClient } from "../../src/payments";

export const PAYSTACK_KEY = "sk_test_paystack_omnify";

/** A fake Paystack for the file and the adapter's client pointed at it. */
export function setupFakePaystack(): { fake: FakePaystack; paystack: PaystackClient } {
  const s = {} as { fake: FakePaystack; paystack: PaystackClient };
  beforeAll(async () => {
    s.fake = await startFakePaystack();
    s.paystack = createPaystackClient({ secretKey: PAYSTACK_KEY, apiBase: s.fake.url });
  });
  afterAll(() => s.fake?.close());
  return s;
}
