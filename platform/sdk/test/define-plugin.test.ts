import { describe, expect, it } from "vitest";
import { definePlugin, PluginManifestError, settingsFormFields, z } from "../src/index.ts";

const base = { id: "crm-sync", version: "1.2.3", hostApi: "^1.0.0", name: "CRM sync" } as const;

describe("definePlugin", () => {
  it("accepts a full manifest and describes it as JSON", () => {
    const plugin = definePlugin({
      ...base,
      description: "Syncs contacts",
      capabilities: {
        db: { migrations: true },
        http: { allow: [{ url: "https://api.example.com/v1/**", methods: ["GET", "POST"] }] },
        secrets: ["apiKey"],
        events: { subscribe: ["contact.created"], emit: ["crm.synced"] },
        schedules: [{ id: "sync", cron: "*/15 * * * *", timezone: "America/New_York" }],
        realtime: { channels: ["sync-status"] },
        meters: [{ name: "contacts.synced", aggregation: "sum", unit: "contact" }],
        ui: { slots: ["nav", "settings"] },
      },
      settings: z.object({ region: z.enum(["eu", "us"]).default("eu") }),
      server: {
        procedures: {
          status: {
            input: z.object({ full: z.boolean() }),
            handler: async (input) => ({ full: input.full }),
          },
        },
        events: { "contact.created": async () => {} },
        jobs: { sync: async () => {} },
      },
    });
    const d = plugin.describe();
    expect(d).toMatchObject({
      id: "crm-sync",
      handlers: { procedures: ["status"], events: ["contact.created"], jobs: ["sync"] },
    });
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it("names every invalid field path", () => {
    const bad = () =>
      definePlugin({
        ...base,
        id: "Not A Slug",
        version: "1.0",
        hostApi: "whenever",
        capabilities: {
          http: { allow: [{ url: "ftp://x", methods: ["GET"] }] },
          meters: [
            { name: "m", aggregation: "sum" },
            { name: "m", aggregation: "max" },
          ],
          schedules: [{ id: "nightly", cron: "every night", timezone: "Mars/Olympus" }],
        },
      });
    expect(bad).toThrow(PluginManifestError);
    const message = (() => {
      try {
        bad();
      } catch (e) {
        return (e as Error).message;
      }
    })();
    for (const path of [
      "id: must be a lowercase slug",
      "version: must be a semantic version",
      "hostApi: must be a semver range",
      "capabilities.http.allow.0.url: must look like",
      "capabilities.meters.1: duplicate meter 'm'",
      "capabilities.schedules.0.cron: must have five fields",
      "capabilities.schedules.0.timezone: must be an IANA time zone",
    ]) {
      expect(message).toContain(path);
    }
  });

  it("cross-checks handlers against capabilities", () => {
    expect(() =>
      definePlugin({
        ...base,
        capabilities: { schedules: [{ id: "nightly", cron: "0 3 * * *" }] },
        server: { events: { "order.paid": async () => {} } },
      }),
    ).toThrow(
      /server\.events\.order\.paid: handles 'order.paid' but capabilities.events.subscribe[\s\S]*schedule 'nightly' has no server.jobs handler/,
    );
  });

  it("keeps payments.* events to the host and names undeclared payment providers", () => {
    expect(() =>
      definePlugin({ ...base, capabilities: { events: { emit: ["payments.succeeded"] } } }),
    ).toThrow(/capabilities\.events\.emit\.0: payments\.\* events come only from the host/);
    expect(() =>
      definePlugin({ ...base, capabilities: { payments: { providers: ["paypal" as "stripe"] } } }),
    ).toThrow(/capabilities\.payments\.providers\.0/);
  });

  it("refuses unknown keys instead of ignoring a typo", () => {
    expect(() => definePlugin({ ...base, capabilities: { htttp: {} } as never })).toThrow(
      /capabilities: Unrecognized key/,
    );
  });
});

describe("settingsFormFields", () => {
  it("turns a settings schema into form fields", () => {
    const fields = settingsFormFields(
      z.object({
        apiBase: z.url().describe("Where the CRM lives"),
        contactEmail: z.email().optional(),
        pageSize: z.number().int().min(1).default(50),
        mode: z.enum(["fast", "safe"]).meta({ title: "Sync mode" }),
        enabled: z.boolean(),
        mapping: z.record(z.string(), z.string()).optional(),
      }),
    );
    expect(fields).toEqual([
      {
        name: "apiBase",
        label: "Api Base",
        type: "url",
        required: true,
        description: "Where the CRM lives",
      },
      { name: "contactEmail", label: "Contact Email", type: "email", required: false },
      { name: "pageSize", label: "Page Size", type: "integer", required: false, default: 50 },
      {
        name: "mode",
        label: "Sync mode",
        type: "select",
        required: true,
        options: ["fast", "safe"],
      },
      { name: "enabled", label: "Enabled", type: "boolean", required: true },
      { name: "mapping", label: "Mapping", type: "json", required: false },
    ]);
  });
});
