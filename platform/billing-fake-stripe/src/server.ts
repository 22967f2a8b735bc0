import { createHash, createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  completeOnboarding,
  connectRoutes,
  enterAccount,
  onboardingPage,
  ownerOf,
  scopeResult,
} from "./connect";
import { StripeApiError } from "./errors";
import { decodeForm } from "./form";
import * as lifecycle from "./lifecycle";
import { handleMeterV2, meterRoutes, metersOf } from "./meters";
import { balanceOf, moneyOf, paymentRoutes } from "./payments";
import { completeCheckout, routes } from "./routes";
import { type FakePrice, FakeState, type StripeObject } from "./state";

export type FakeStripeOptions = {
  port?: number;
  prices: FakePrice[];
  /** Dev only: where the fake's own checkout page delivers signed webhooks. */
  webhook?: { url: string; secret: string };
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    "content-type": "application/json",
    "request-id": `req_${Date.now()}`,
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/** Stripe's signature scheme (`t=…,v1=hmac`), for the dev page's own deliveries. */
export function signPayload(
  payload: string,
  secret: string,
  t = Math.floor(Date.now() / 1000),
): string {
  return `t=${t},v1=${createHmac("sha256", secret).update(`${t}.${payload}`).digest("hex")}`;
}

/**
 * Starts the fake on 127.0.0.1. Tests drive the customer's side (paying, failing, renewing)
 * through the returned controls; each returns the events it caused, for the test to sign
 * and deliver as it likes (in order, twice, or reversed).
 */
export async function startFakeStripe(opts: FakeStripeOptions) {
  const state = new FakeState(opts.prices);
  // Same key + same request → the stored response; same key + different body → an error.
  const idempotency = new Map<string, { hash: string; status: number; body: unknown }>();
  let base = "";

  async function deliver(events: StripeObject[]) {
    if (!opts.webhook) return;
    for (const e of events) {
      const payload = JSON.stringify(e);
      await fetch(opts.webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "stripe-signature": signPayload(payload, opts.webhook.secret),
        },
        body: payload,
      });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", base);
    const body = await readBody(req);
    const page = /^\/checkout\/([^/]+)(\/complete)?$/.exec(url.pathname);
    if (page) return checkoutPage(res, page[1] ?? "", req.method === "POST" && !!page[2]);
    const onboarding = /^\/connect\/onboarding\/([^/]+)(\/complete)?$/.exec(url.pathname);
    if (onboarding)
      return onboardingRoute(
        res,
        url,
        onboarding[1] ?? "",
        req.method === "POST" && !!onboarding[2],
      );
    const auth = req.headers.authorization ?? "";
    const v2 = handleMeterV2(state, req.method ?? "", url.pathname, auth, body);
    if (v2) return send(res, v2.status, v2.body);
    if (!/^Bearer sk_test_\S+$/.test(auth))
      throw new StripeApiError(401, "authentication_error", "Invalid API Key provided.");
    const params = req.method === "GET" ? decodeForm(url.search.slice(1)) : decodeForm(body);
    const stripeAccount = req.headers["stripe-account"];
    const account = typeof stripeAccount === "string" ? stripeAccount : undefined;
    // Idempotency keys are per account on Stripe, so the account is part of the cache key.
    const rawKey = req.headers["idempotency-key"];
    const key = typeof rawKey === "string" ? `${account ?? ""}:${rawKey}` : undefined;
    const hash = createHash("sha256").update(`${req.method} ${url.pathname} ${body}`).digest("hex");
    const cached = typeof key === "string" ? idempotency.get(key) : undefined;
    if (cached) {
      if (cached.hash !== hash)
        throw new StripeApiError(
          400,
          "idempotency_error",
          "Keys for idempotent requests can only be used with the same parameters they were first used with.",
        );
      return send(res, cached.status, cached.body, { "idempotent-replayed": "true" });
    }
    for (const [method, pattern, handler] of [
      ...connectRoutes,
      ...meterRoutes,
      ...paymentRoutes,
      ...routes,
    ]) {
      const m = req.method === method ? pattern.exec(url.pathname) : null;
      if (!m) continue;
      const before = state.events.length;
      const pathId = decodeURIComponent(m[1] ?? "");
      enterAccount(state, account, pathId, params);
      const result = scopeResult(state, handler(state, params, pathId, base));
      // Events an API call caused (a plan change) reach the dev webhook as Stripe's would.
      void deliver(state.events.slice(before)).catch(() => {});
      if (typeof key === "string" && req.method === "POST")
        idempotency.set(key, { hash, status: 200, body: result });
      return send(res, 200, result);
    }
    throw new StripeApiError(
      404,
      "invalid_request_error",
      `Unrecognized request URL (${req.method}: ${url.pathname}).`,
    );
  }

  async function checkoutPage(res: ServerResponse, id: string, complete: boolean) {
    const session = state.checkoutSessions.get(id);
    if (!session)
      return send(res, 404, {
        error: { type: "invalid_request_error", message: "No such session" },
      });
    if (complete) {
      await deliver(completeCheckout(state, id));
      res.writeHead(303, { location: String(session.success_url) });
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/html" });
    res.end(
      `<!doctype html><title>Fake Stripe Checkout</title><h1>Fake Stripe Checkout</h1><p>${session.mode === "payment" ? `${String(session._description)}: ${(Number(session.amount_total) / 100).toFixed(2)} ${String(session.currency).toUpperCase()}` : String(session._price)}</p><form method="post" action="/checkout/${id}/complete"><button>Pay</button></form>`,
    );
  }

  async function onboardingRoute(res: ServerResponse, url: URL, id: string, complete: boolean) {
    if (!complete) {
      res.writeHead(200, { "content-type": "text/html" });
      return res.end(onboardingPage(state, id, url.searchParams));
    }
    await deliver(completeOnboarding(state, id));
    res.writeHead(303, { location: url.searchParams.get("return_url") ?? "/" });
    res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof StripeApiError) return send(res, err.status, err.body());
      send(res, 500, { error: { type: "api_error", message: String(err) } });
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const withDelivery = async (events: StripeObject[]) => {
    await deliver(events);
    return events;
  };

  return {
    port,
    url: base,
    /** `new Stripe(key, fake.sdkConfig)` talks to this server. */
    sdkConfig: { host: "127.0.0.1", port, protocol: "http" as const, maxNetworkRetries: 0 },
    state,
    advance: (seconds: number) => state.advance(seconds),
    completeCheckout: (sessionId: string) => withDelivery(completeCheckout(state, sessionId)),
    failRenewal: (subscriptionId: string) =>
      withDelivery(lifecycle.failRenewal(state, subscriptionId)),
    renew: (subscriptionId: string) => withDelivery(lifecycle.renew(state, subscriptionId)),
    payInvoice: (invoiceId: string) => withDelivery(lifecycle.payInvoice(state, invoiceId)),
    cancel: (subscriptionId: string) => withDelivery(lifecycle.cancel(state, subscriptionId)),
    /** What submitting the Connect onboarding page does (charges and payouts enabled). */
    completeOnboarding: (accountId: string) => withDelivery(completeOnboarding(state, accountId)),
    /** Available balance of a connected account (undefined: the platform) in a currency. */
    balance: (account: string | undefined, currency: string) => balanceOf(state, account, currency),
    /** Payment objects (intents, charges, transfers, fees, refunds, payouts) for assertions. */
    money: () => moneyOf(state),
    /** The connected account an object lives on (undefined: the platform's own). */
    ownerOf: (objectId: string) => ownerOf(state, objectId),
    /** The next `n` meter events the stream accepts are lost (reconciliation tests). */
    dropMeterEvents: (n: number) => {
      metersOf(state).dropNext += n;
    },
    /** Meter events Stripe counted, in arrival order. */
    meterEvents: () => [...metersOf(state).events],
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive clients must not hold the close open
      }),
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;
