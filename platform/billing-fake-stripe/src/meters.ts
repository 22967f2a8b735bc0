import { randomBytes } from "node:crypto";
import { missing, required, StripeApiError } from "./errors";
import { type FakeState, newId, type StripeObject } from "./state";

type Params = Record<string, unknown>;
type Handler = (state: FakeState, params: Params, id: string, base: string) => StripeObject;

/**
 * Stripe Billing Meters in the fake: v1 meters and event summaries, and the v2 high-throughput
 * path (`meter_event_session` mints a 15-minute token; `meter_event_stream` takes JSON events
 * authenticated by that token and drops a repeated `identifier`, as Stripe does for ~24 h).
 */
type MeterEvent = { eventName: string; customer: string; value: number; timestamp: number };
type MeterWorld = {
  meters: Map<string, StripeObject>;
  sessions: Map<string, number>;
  identifiers: Set<string>;
  events: MeterEvent[];
  /** Accepted events the fake will "lose" (tests of reconciliation). */
  dropNext: number;
};

const worlds = new WeakMap<FakeState, MeterWorld>();
const SESSION_SECONDS = 15 * 60;

export function metersOf(state: FakeState): MeterWorld {
  let w = worlds.get(state);
  if (!w) {
    w = { meters: new Map(), sessions: new Map(), identifiers: new Set(), events: [], dropNext: 0 };
    worlds.set(state, w);
  }
  return w;
}

const list = (data: StripeObject[], url: string) => ({
  id: "",
  object: "list",
  data,
  has_more: false,
  url,
});

const createMeter: Handler = (state, p) => {
  const w = metersOf(state);
  const eventName = p.event_name;
  if (typeof eventName !== "string" || !eventName) throw required("event_name");
  if (typeof p.display_name !== "string" || !p.display_name) throw required("display_name");
  const formula = (p.default_aggregation as Params | undefined)?.formula;
  if (formula !== "sum" && formula !== "count" && formula !== "last")
    throw required("default_aggregation[formula]");
  for (const m of w.meters.values())
    if (m.event_name === eventName && m.status === "active")
      throw new StripeApiError(
        400,
        "invalid_request_error",
        `An active meter with event_name '${eventName}' already exists.`,
        "event_name",
      );
  const mapping = (p.customer_mapping as Params | undefined) ?? {};
  const value = (p.value_settings as Params | undefined) ?? {};
  const meter: StripeObject = {
    id: newId("mtr"),
    object: "billing.meter",
    created: state.now(),
    customer_mapping: {
      event_payload_key: mapping.event_payload_key ?? "stripe_customer_id",
      type: "by_id",
    },
    default_aggregation: { formula },
    display_name: p.display_name,
    event_name: eventName,
    event_time_window: p.event_time_window ?? null,
    livemode: false,
    status: "active",
    status_transitions: { deactivated_at: null },
    updated: state.now(),
    value_settings: { event_payload_key: value.event_payload_key ?? "value" },
  };
  w.meters.set(meter.id, meter);
  return meter;
};

const getMeter = (state: FakeState, id: string) => {
  const m = metersOf(state).meters.get(id);
  if (!m) throw missing("billing.meter", id);
  return m;
};

const seconds = (p: Params, name: string): number => {
  const v = Number(p[name]);
  if (p[name] === undefined || !Number.isInteger(v)) throw required(name);
  return v;
};

const eventSummaries: Handler = (state, p, id) => {
  const meter = getMeter(state, id);
  if (typeof p.customer !== "string" || !p.customer) throw required("customer");
  const start = seconds(p, "start_time");
  const end = seconds(p, "end_time");
  const window = p.value_grouping_window;
  const step = window === "hour" ? 3_600 : window === "day" ? 86_400 : end - start;
  if (step <= 0 || start % 60 !== 0 || end % 60 !== 0)
    throw new StripeApiError(
      400,
      "invalid_request_error",
      "start_time and end_time must be whole minutes",
      "start_time",
    );
  const formula = (meter.default_aggregation as Params).formula;
  const events = metersOf(state).events.filter(
    (e) => e.eventName === meter.event_name && e.customer === p.customer,
  );
  const data: StripeObject[] = [];
  for (let from = start; from < end; from += step) {
    const to = Math.min(from + step, end);
    const inWindow = events.filter((e) => e.timestamp >= from && e.timestamp < to);
    const value =
      formula === "count"
        ? inWindow.length
        : formula === "last"
          ? (inWindow.at(-1)?.value ?? 0)
          : inWindow.reduce((sum, e) => sum + e.value, 0);
    data.push({
      id: newId("mtrusum"),
      object: "billing.meter_event_summary",
      aggregated_value: value,
      end_time: to,
      livemode: false,
      meter: meter.id,
      start_time: from,
    });
  }
  return list(data, `/v1/billing/meters/${meter.id}/event_summaries`);
};

export const meterRoutes: [string, RegExp, Handler][] = [
  ["POST", /^\/v1\/billing\/meters$/, createMeter],
  [
    "GET",
    /^\/v1\/billing\/meters$/,
    (s) => list([...metersOf(s).meters.values()], "/v1/billing/meters"),
  ],
  ["GET", /^\/v1\/billing\/meters\/([^/]+)$/, (s, _p, id) => getMeter(s, id)],
  ["GET", /^\/v1\/billing\/meters\/([^/]+)\/event_summaries$/, eventSummaries],
];

type V2Reply = { status: number; body: unknown };

const v2Error = (status: number, type: string, code: string, message: string): V2Reply => ({
  status,
  body: { error: { type, code, message } },
});

/**
 * The v2 endpoints, which speak JSON and (for the stream) authenticate with a session token
 * instead of the secret key. Returns undefined for any other path.
 */
export function handleMeterV2(
  state: FakeState,
  method: string,
  path: string,
  authorization: string,
  body: string,
): V2Reply | undefined {
  const w = metersOf(state);
  const token = /^Bearer (\S+)$/.exec(authorization)?.[1] ?? "";
  if (method === "POST" && path === "/v2/billing/meter_event_session") {
    if (!token.startsWith("sk_test_"))
      return v2Error(401, "invalid_api_key", "invalid_api_key", "Invalid API Key provided.");
    const created = Math.floor(Date.now() / 1000);
    const authenticationToken = `mes_tok_${randomBytes(16).toString("hex")}`;
    w.sessions.set(authenticationToken, created + SESSION_SECONDS);
    return {
      status: 200,
      body: {
        id: newId("mes"),
        object: "v2.billing.meter_event_session",
        authentication_token: authenticationToken,
        created: new Date(created * 1000).toISOString(),
        expires_at: new Date((created + SESSION_SECONDS) * 1000).toISOString(),
        livemode: false,
      },
    };
  }
  if (method === "POST" && path === "/v2/billing/meter_event_stream") {
    const expires = w.sessions.get(token);
    if (expires === undefined || expires < Date.now() / 1000)
      return v2Error(
        401,
        "temporary_session_expired",
        "billing_meter_event_session_expired",
        "The meter event session has expired or is invalid; create a new one.",
      );
    let parsed: { events?: unknown };
    try {
      parsed = JSON.parse(body) as { events?: unknown };
    } catch {
      return v2Error(400, "invalid_request_error", "invalid_json", "Request body is not JSON.");
    }
    const events = parsed.events;
    if (!Array.isArray(events) || events.length === 0 || events.length > 100)
      return v2Error(
        400,
        "invalid_request_error",
        "invalid_events",
        "events must hold 1 to 100 events.",
      );
    for (const [i, raw] of events.entries()) {
      const e = raw as {
        event_name?: unknown;
        identifier?: unknown;
        payload?: Params;
        timestamp?: unknown;
      };
      if (typeof e.event_name !== "string" || !e.payload || typeof e.payload !== "object")
        return v2Error(
          400,
          "invalid_request_error",
          "invalid_event",
          `events[${i}] needs event_name and payload.`,
        );
    }
    for (const raw of events) {
      const e = raw as {
        event_name: string;
        identifier?: string;
        payload: Params;
        timestamp?: string;
      };
      const identifier = e.identifier ?? newId("ident");
      if (w.identifiers.has(identifier)) continue;
      w.identifiers.add(identifier);
      if (w.dropNext > 0) {
        w.dropNext -= 1;
        continue;
      }
      const meter = [...w.meters.values()].find((m) => m.event_name === e.event_name);
      const customerKey = String(
        (meter?.customer_mapping as Params | undefined)?.event_payload_key ?? "stripe_customer_id",
      );
      const valueKey = String(
        (meter?.value_settings as Params | undefined)?.event_payload_key ?? "value",
      );
      w.events.push({
        eventName: e.event_name,
        customer: String(e.payload[customerKey] ?? ""),
        value: Number(e.payload[valueKey] ?? 1),
        timestamp: Math.floor((e.timestamp ? Date.parse(e.timestamp) : Date.now()) / 1000),
      });
    }
    return { status: 200, body: {} };
  }
  return undefined;
}
