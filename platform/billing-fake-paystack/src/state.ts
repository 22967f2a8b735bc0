import { randomBytes } from "node:crypto";

export type PaystackObject = Record<string, unknown>;
export type PaystackEvent = { event: string; data: PaystackObject };

const code = (prefix: string) => `${prefix}_${randomBytes(7).toString("hex")}`;

/** The fake's whole world, in memory: subaccounts, transactions, refunds, settlements. */
export class PaystackState {
  readonly subaccounts = new Map<string, PaystackObject>();
  /** By reference. */
  readonly transactions = new Map<string, PaystackObject>();
  readonly accessCodes = new Map<string, string>();
  readonly refunds: PaystackObject[] = [];
  /** What each subaccount (and "" = the integration) has been settled, net of refunds, in kobo. */
  readonly settled = new Map<string, number>();
  readonly events: PaystackEvent[] = [];
  private nextId = 1_000_000;

  id(): number {
    this.nextId += 1;
    return this.nextId;
  }

  /** Paystack's shape: `ACCT_` and lowercase letters and digits. */
  subaccountCode(): string {
    return code("ACCT");
  }

  accessCode(): string {
    return randomBytes(8).toString("hex");
  }

  settle(account: string, amount: number) {
    this.settled.set(account, (this.settled.get(account) ?? 0) + amount);
  }

  emit(event: string, data: PaystackObject): PaystackEvent {
    const e = { event, data: structuredClone(data) };
    this.events.push(e);
    return e;
  }
}
