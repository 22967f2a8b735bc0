import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { PaystackApiError } from "./errors";
import { pay, routes } from "./routes";
import { type PaystackEvent, PaystackState } from "./state";

export type FakePaystackOptions = {
  port?: number;
  /** Dev only: where the pay page (and API-caused events) deliver signed webhooks. */
  webhook?: { url: string; secretKey: string };
};

/** `x-paystack-signature`: HMAC-SHA512 of the raw body with the secret key, hex. */
export function signPaystackPayload(payload: string, secretKey: string): string {
  return createHmac("sha512", secretKey).update(payload).digest("hex");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Starts the fake on 127.0.0.1. Tests pay through `fake.pay(reference)` (or the page) and
 * get the events it caused, to sign with `signPaystackPayload` and deliver as they like.
 */
export async function startFakePaystack(opts: FakePaystackOptions = {}) {
  const state = new PaystackState();
  let base = "";

  async function deliver(events: PaystackEvent[]) {
    if (!opts.webhook) return;
    for (const e of events) {
      const payload = JSON.stringify(e);
      await fetch(opts.webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-paystack-signature": signPaystackPayload(payload, opts.webhook.secretKey),
        },
        body: payload,
      });
    }
  }

  async function payPage(res: ServerResponse, accessCode: string, complete: boolean) {
    const reference = state.accessCodes.get(accessCode);
    const tx = reference ? state.transactions.get(reference) : undefined;
    if (!reference || !tx) return send(res, 404, { status: false, message: "Invalid access code" });
    if (complete) {
      await deliver(pay(state, reference));
      const back = new URL(String(tx.callback_url ?? base));
      back.searchParams.set("trxref", reference);
      back.searchParams.set("reference", reference);
      res.writeHead(303, { location: back.toString() });
      return res.end();
    }
    const amount = `${(Number(tx.amount) / 100).toFixed(2)} ${String(tx.currency)}`;
    const description = String((tx.metadata as { description?: string } | null)?.description ?? "");
    res.writeHead(200, { "content-type": "text/html" });
    res.end(
      `<!doctype html><title>Fake Paystack Checkout</title><h1>Fake Paystack Checkout</h1><p>${escapeHtml(description)}</p><p>${escapeHtml(amount)}</p>${tx.status === "success" ? "<p>Paid</p>" : `<form method="post" action="/pay/${escapeHtml(accessCode)}/complete"><button>Pay</button></form>`}`,
    );
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", base);
    const raw = await readBody(req);
    const page = /^\/pay\/([^/]+)(\/complete)?$/.exec(url.pathname);
    if (page) return payPage(res, page[1] ?? "", req.method === "POST" && !!page[2]);
    if (!/^Bearer sk_test_\S+$/.test(req.headers.authorization ?? ""))
      throw new PaystackApiError(401, "Invalid key");
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        throw new PaystackApiError(400, "Invalid JSON body");
      }
    }
    for (const [method, pattern, handler, message] of routes) {
      const m = req.method === method ? pattern.exec(url.pathname) : null;
      if (!m) continue;
      const before = state.events.length;
      const arg = m[1] !== undefined ? decodeURIComponent(m[1]) : url.search.slice(1);
      const data = handler(state, body, arg, base);
      // Events an API call caused (a refund) reach the dev webhook as Paystack's would.
      void deliver(state.events.slice(before)).catch(() => {});
      return send(res, 200, { status: true, message, data });
    }
    throw new PaystackApiError(404, `Route not found: ${req.method} ${url.pathname}`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof PaystackApiError) return send(res, err.status, err.body());
      send(res, 500, { status: false, message: String(err) });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    port,
    /** PAYSTACK_API_BASE for the adapter. */
    url: base,
    state,
    /** The customer pays (what the page's Pay button does); returns `charge.success`. */
    pay: async (reference: string) => {
      const events = pay(state, reference);
      await deliver(events);
      return events;
    },
    /** Every event so far (API-caused ones, such as `refund.processed`, included). */
    events: () => [...state.events],
    /** Net settlement of a subaccount ("" = the integration), in kobo. */
    settled: (account: string) => state.settled.get(account) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive clients must not hold the close open
      }),
  };
}

export type FakePaystack = Awaited<ReturnType<typeof startFakePaystack>>;
