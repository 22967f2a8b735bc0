import { DomainError } from "../errors";

export type PaystackConfig = {
  secretKey: string;
  /** Default https://api.paystack.co; a local fake in tests and keyless dev. */
  apiBase?: string;
};

/** Paystack's envelope: `{ status, message, data }`; `status: false` is a refusal. */
type Envelope<T> = { status: boolean; message: string; data: T };

export type PaystackTransaction = {
  id: number;
  reference: string;
  status: string;
  amount: number;
  currency: string;
  metadata: Record<string, unknown> | null;
  subaccount?: { subaccount_code?: string } | null;
  fees_split?: { integration: number; subaccount: number } | null;
};
export type PaystackSubaccount = {
  subaccount_code: string;
  metadata?: Record<string, unknown> | string | null;
};
export type PaystackRefund = {
  id: number;
  amount: number;
  currency: string;
  status: string;
  merchant_note?: string | null;
  transaction: number | { id: number; reference: string };
};

/**
 * A typed minimal client for the Paystack REST endpoints Omnify uses. The official
 * `@paystack/paystack-sdk` 1.2.1 ships no code and the community `paystack-sdk` hard-codes
 * api.paystack.co, so neither can reach the local fake; this speaks the same wire format.
 */
export function createPaystackClient(config: PaystackConfig) {
  const base = (config.apiBase ?? "https://api.paystack.co").replace(/\/$/, "");
  async function request<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${config.secretKey}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: Envelope<T> | undefined;
    try {
      parsed = JSON.parse(text) as Envelope<T>;
    } catch {
      parsed = undefined;
    }
    if (!res.ok || !parsed?.status) {
      const message = parsed?.message ?? `HTTP ${res.status}`;
      if (res.status >= 500 || !parsed) throw new Error(`Paystack ${method} ${path}: ${message}`);
      throw new DomainError(res.status === 404 ? "NOT_FOUND" : "BAD_INPUT", `Paystack: ${message}`);
    }
    return parsed.data;
  }
  return {
    createSubaccount: (body: {
      business_name: string;
      settlement_bank: string;
      account_number: string;
      percentage_charge: number;
      /** Stringified JSON, as Paystack takes it. */
      metadata: string;
    }) => request<PaystackSubaccount>("POST", "/subaccount", body),
    getSubaccount: (code: string) =>
      request<PaystackSubaccount>("GET", `/subaccount/${encodeURIComponent(code)}`),
    initializeTransaction: (body: {
      email: string;
      amount: string;
      currency: string;
      reference: string;
      callback_url: string;
      subaccount: string;
      transaction_charge: number;
      bearer: "account" | "subaccount";
      metadata: Record<string, unknown>;
    }) =>
      request<{ authorization_url: string; access_code: string; reference: string }>(
        "POST",
        "/transaction/initialize",
        body,
      ),
    verifyTransaction: (reference: string) =>
      request<PaystackTransaction>("GET", `/transaction/verify/${encodeURIComponent(reference)}`),
    createRefund: (body: { transaction: string; amount: number; merchant_note: string }) =>
      request<PaystackRefund>("POST", "/refund", body),
    listRefunds: (transaction: string) =>
      request<PaystackRefund[]>("GET", `/refund?transaction=${encodeURIComponent(transaction)}`),
  };
}
export type PaystackClient = ReturnType<typeof createPaystackClient>;
