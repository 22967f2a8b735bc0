import { type ManifestInput, z } from "@omnify/plugin-sdk";

/**
 * The manifest: data only. Everything here is shown to the tenant admin at install, and an
 * upgrade that adds a capability asks for consent again.
 */
export default {
  id: "utm-links",
  version: "1.0.0",
  hostApi: "^1.0.0",
  name: "UTM links",
  description: "Build UTM-tagged campaign links, shorten them, and count their clicks.",
  capabilities: {
    db: { migrations: true },
    // Only the shortener's one endpoint, only POST.
    http: { allow: [{ url: "https://api.short.io/links", methods: ["POST"] }] },
    secrets: ["shortenerApiKey"],
    events: { subscribe: ["member.joined"], emit: ["utm-links.link.created"] },
    // Days are UTC days, so the roll-up of "yesterday" runs just after UTC midnight.
    schedules: [{ id: "rollup-clicks", cron: "15 0 * * *", timezone: "UTC" }],
    realtime: { channels: ["clicks"] },
    meters: [
      { name: "utm-links.clicks", aggregation: "sum", unit: "click" },
      { name: "utm-links.links", aggregation: "count", unit: "link" },
    ],
    ui: { slots: ["nav", "dashboard-card", "settings"] },
  },
  limits: { memoryMb: 32 },
  settings: z.object({
    defaultSource: z
      .string()
      .trim()
      .max(100)
      .default("newsletter")
      .meta({ title: "Default source" })
      .describe("utm_source when a link does not name one"),
    defaultMedium: z
      .enum(["email", "social", "cpc", "referral", "display"])
      .default("email")
      .meta({ title: "Default medium" }),
    shortenLinks: z
      .boolean()
      .default(false)
      .meta({ title: "Shorten links" })
      .describe("Shorten new links with short.io (needs the shortenerApiKey secret)"),
    shortDomain: z
      .string()
      .trim()
      .max(253)
      .default("")
      .meta({ title: "short.io domain" })
      .describe("Your short.io domain, e.g. go.example.com"),
  }),
} satisfies ManifestInput & { settings: z.ZodObject };
