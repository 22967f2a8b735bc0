import type { z } from "zod";
import type { PluginDefinition } from "../define-plugin.ts";
import { formatIssues } from "../manifest/issues.ts";
import { type BridgeCall, createPluginContext, type Invocation } from "./context.ts";

type Outcome =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; message: string } };

class InvocationError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

function parseWith(schema: z.ZodType | undefined, value: unknown, what: string): unknown {
  if (!schema) return value;
  const r = schema.safeParse(value);
  if (!r.success)
    throw new InvocationError(
      "invalid_input",
      `invalid ${what}:\n${formatIssues(r.error.issues, what)}`,
    );
  return r.data;
}

function handlerFor(def: PluginDefinition, kind: string, name: string) {
  const { procedures, events, jobs } = def.server;
  const table =
    kind === "procedure"
      ? procedures
      : kind === "event"
        ? events
        : kind === "job"
          ? jobs
          : undefined;
  if (!table) throw new InvocationError("unknown_handler", `unknown invocation kind '${kind}'`);
  if (!Object.hasOwn(table, name))
    throw new InvocationError("unknown_handler", `plugin has no ${kind} '${name}'`);
  const entry = table[name];
  if (kind !== "procedure") return { handler: entry as (i: unknown, c: unknown) => unknown };
  const proc = entry as PluginDefinition["server"]["procedures"][string];
  return { handler: proc.handler as (i: unknown, c: unknown) => unknown, input: proc.input };
}

/** Runs one invocation and always resolves to a JSON envelope string (never throws). */
export function createDispatcher(def: PluginDefinition, call: BridgeCall) {
  return async (kind: string, name: string, inputJson: string, invocationJson: string) => {
    let outcome: Outcome;
    try {
      const inv = JSON.parse(invocationJson) as Invocation & { settings?: unknown };
      const settings = parseWith(def.settings, inv.settings ?? {}, "settings");
      const { handler, input } = handlerFor(def, kind, name);
      const ctx = createPluginContext(call, inv, settings);
      const value = await handler(parseWith(input, JSON.parse(inputJson), "input"), ctx);
      outcome = { ok: true, value: value === undefined ? null : value };
    } catch (e) {
      const err = e as { code?: unknown; message?: unknown; name?: unknown };
      const code = typeof err?.code === "string" ? err.code : "plugin_error";
      outcome = { ok: false, error: { code, message: String(err?.message ?? e).slice(0, 4000) } };
    }
    try {
      return JSON.stringify(outcome);
    } catch {
      return JSON.stringify({
        ok: false,
        error: { code: "not_json", message: "result is not JSON-serialisable" },
      });
    }
  };
}
