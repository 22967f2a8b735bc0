import type { PluginManifest } from "./manifest";

type Capabilities = PluginManifest["capabilities"];

const list = (items: string[] | undefined) => (items ?? []).join(", ");
const SLOT_LABELS: Record<string, string> = {
  nav: "a page in the portal's navigation",
  "dashboard-card": "a card on the dashboard",
  settings: "a panel on its settings page",
};

/**
 * The atoms a capability set grants, one string per grant, so that two sets compare and
 * diff exactly: an upgrade needs fresh consent when the new set has an atom the old lacks.
 */
export function capabilityAtoms(c: Capabilities): string[] {
  const atoms = [
    ...(c.db ? ["db"] : []),
    ...(c.http?.allow ?? []).flatMap((a) => a.methods.map((m) => `http:${m} ${a.url}`)),
    ...(c.secrets ?? []).map((s) => `secret:${s}`),
    ...(c.events?.subscribe ?? []).map((e) => `event.subscribe:${e}`),
    ...(c.events?.emit ?? []).map((e) => `event.emit:${e}`),
    ...(c.schedules ?? []).map((s) => `schedule:${s.id} ${s.cron} ${s.timezone ?? "UTC"}`),
    ...(c.realtime?.channels ?? []).map((ch) => `realtime:${ch}`),
    ...(c.meters ?? []).map((m) => `meter:${m.name}`),
    ...(c.ui?.slots ?? []).map((s) => `ui:${s}`),
    ...(c.devices?.procedures ?? []).map((p) => `device.procedure:${p}`),
    ...(c.storage?.accept ?? []).map((t) => `storage:${t} ${c.storage?.maxObjectMb}MB`),
    ...(c.payments?.providers ?? []).map((p) => `payments:${p}`),
  ];
  return [...new Set(atoms)].sort();
}

/** Atoms `next` grants that `previous` did not. */
export function addedCapabilities(previous: Capabilities, next: Capabilities): string[] {
  const had = new Set(capabilityAtoms(previous));
  return capabilityAtoms(next).filter((a) => !had.has(a));
}

/** True when both grant exactly the same things (order and duplicates do not matter). */
export function sameCapabilities(a: Capabilities, b: Capabilities): boolean {
  const x = capabilityAtoms(a);
  const y = capabilityAtoms(b);
  return x.length === y.length && x.every((atom, i) => atom === y[i]);
}

/** What a plugin may do, in plain language, for the consent screen. */
export function describeCapabilities(c: Capabilities): string[] {
  const out: string[] = [];
  if (c.db) out.push("Store its own data in the database (only this workspace's rows)");
  for (const a of c.http?.allow ?? []) out.push(`Send ${a.methods.join("/")} requests to ${a.url}`);
  if (c.secrets?.length) out.push(`Use stored credentials: ${list(c.secrets)}`);
  if (c.events?.subscribe?.length) out.push(`React to events: ${list(c.events.subscribe)}`);
  if (c.events?.emit?.length) out.push(`Send events: ${list(c.events.emit)}`);
  for (const s of c.schedules ?? [])
    out.push(`Run '${s.id}' on a schedule (${s.cron}${s.timezone ? `, ${s.timezone}` : ", UTC"})`);
  if (c.realtime?.channels.length)
    out.push(`Push live updates to people in this workspace (${list(c.realtime.channels)})`);
  for (const m of c.meters ?? [])
    out.push(`Record billable usage: ${m.name}${m.unit ? ` (${m.unit})` : ""}`);
  for (const s of c.ui?.slots ?? []) out.push(`Show ${SLOT_LABELS[s] ?? s}`);
  if (c.devices)
    out.push(
      `Pair, list and remove this workspace's screens; paired screens may call: ${list(c.devices.procedures) || "nothing"}`,
    );
  if (c.storage)
    out.push(
      `Store files in this workspace (${list(c.storage.accept)}, up to ${c.storage.maxObjectMb} MB each)`,
    );
  if (c.payments?.providers.length)
    out.push(
      `Take payments, refund them and pay out to connected accounts through ${c.payments.providers.map((p) => (p === "stripe" ? "Stripe Connect" : "Paystack")).join(" and ")}`,
    );
  return out;
}
