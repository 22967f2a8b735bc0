import { describe, expect, it } from "vitest";
import { definePlugin, z } from "../src/index.ts";
import { createBridgeCall } from "../src/runtime/context.ts";
import { createDispatcher } from "../src/runtime/dispatch.ts";

/** A stand-in for the isolate's `host` global: records calls and answers like the host. */
function fakeHost(answer: (method: string, args: unknown) => unknown) {
  const calls: { method: string; args: unknown }[] = [];
  return {
    calls,
    host: {
      call: async (method: string, argsJson: string) => {
        const args = JSON.parse(argsJson);
        calls.push({ method, args });
        try {
          return JSON.stringify({ ok: true, value: answer(method, args) ?? null });
        } catch (e) {
          return JSON.stringify({
            ok: false,
            error: { code: "capability", message: (e as Error).message },
          });
        }
      },
    },
  };
}

const plugin = definePlugin({
  id: "demo",
  version: "0.1.0",
  hostApi: "^1.0.0",
  name: "Demo",
  settings: z.object({ prefix: z.string().default(">") }),
  server: {
    procedures: {
      call: {
        input: z.object({ url: z.string() }),
        handler: async ({ url }, ctx) => {
          const res = await ctx.fetch(url, {
            method: "POST",
            json: { a: 1 },
            auth: { secret: "apiKey" },
          });
          await ctx.meter("calls", 2, "idem-1");
          const rows = await ctx.db.query("select 1", []);
          return {
            tenant: ctx.tenant.id,
            prefix: ctx.settings.prefix,
            status: res.status,
            ok: res.ok,
            rows,
          };
        },
      },
      denied: { handler: async (_i, ctx) => ctx.events.emit("x", {}) },
    },
  },
});
const invocation = JSON.stringify({
  tenantId: "t-1",
  pluginId: "demo",
  version: "0.1.0",
  settings: {},
});

describe("sandbox runtime", () => {
  it("builds ctx on the single string bridge", async () => {
    const { host, calls } = fakeHost((method) =>
      method === "fetch"
        ? {
            status: 201,
            statusText: "Created",
            headers: {},
            url: "u",
            redirected: false,
            body: "{}",
            bodyEncoding: "utf8",
          }
        : method === "db.query"
          ? { rows: [{ n: 1 }] }
          : null,
    );
    const dispatch = createDispatcher(plugin, createBridgeCall(host));
    const out = JSON.parse(
      await dispatch("procedure", "call", JSON.stringify({ url: "https://x.test/a" }), invocation),
    );
    expect(out).toEqual({
      ok: true,
      value: { tenant: "t-1", prefix: ">", status: 201, ok: true, rows: [{ n: 1 }] },
    });
    expect(calls.map((c) => c.method)).toEqual(["fetch", "meter", "db.query"]);
    expect(calls[0]?.args).toEqual({
      url: "https://x.test/a",
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"a":1}',
      auth: { secret: "apiKey" },
    });
    expect(calls[2]?.args).toEqual({ sql: "select 1", params: [], method: "execute" });
  });

  it("turns host refusals and bad input into error envelopes", async () => {
    const { host } = fakeHost(() => {
      throw new Error("event 'x' is not declared");
    });
    const dispatch = createDispatcher(plugin, createBridgeCall(host));
    expect(JSON.parse(await dispatch("procedure", "denied", "null", invocation))).toEqual({
      ok: false,
      error: { code: "capability", message: "event 'x' is not declared" },
    });
    const bad = JSON.parse(await dispatch("procedure", "call", "{}", invocation));
    expect(bad).toMatchObject({
      ok: false,
      error: { code: "invalid_input", message: expect.stringContaining("input.url") },
    });
    const unknown = JSON.parse(await dispatch("job", "nope", "null", invocation));
    expect(unknown).toMatchObject({ ok: false, error: { code: "unknown_handler" } });
  });
});
