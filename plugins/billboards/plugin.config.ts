import { type ManifestInput, z } from "@omnify/plugin-sdk";

/**
 * The manifest: data only. The tenant admin consents to all of it at install. Screens are
 * the host's paired devices; a device may call only the `screen.*` procedures below.
 */
export default {
  id: "billboards",
  version: "1.0.0",
  hostApi: "^1.1.0",
  name: "Billboards",
  description:
    "A digital billboard marketplace: owners list screens, advertisers book share-of-loop spots and pay, screens play the creatives and prove every play; owners are paid on verified plays.",
  capabilities: {
    db: { migrations: true },
    events: {
      subscribe: ["payments.succeeded", "payments.refunded"],
      emit: ["billboards.screen.offline", "billboards.screen.online", "billboards.booking.paid"],
    },
    schedules: [
      // No heartbeat for 90 s → offline, with an alert to the owner.
      { id: "detect-offline", cron: "* * * * *", timezone: "UTC" },
      // Finished hours: count missed spots, book makegoods or refund; release unpaid holds.
      { id: "reconcile", cron: "*/5 * * * *", timezone: "UTC" },
      // Pay owners what verified plays earned them.
      { id: "payouts", cron: "30 2 * * *", timezone: "UTC" },
    ],
    realtime: { channels: ["schedule", "alerts", "bookings"] },
    devices: { procedures: ["screen.schedule", "screen.heartbeat", "screen.proofOfPlay"] },
    storage: {
      accept: ["image/png", "image/jpeg", "image/webp", "video/mp4", "video/webm"],
      maxObjectMb: 100,
    },
    payments: { providers: ["stripe", "paystack"] },
    ui: { slots: ["nav", "dashboard-card"] },
  },
  limits: { memoryMb: 64 },
  settings: z.object({
    platformFeePercent: z
      .number()
      .int()
      .min(0)
      .max(50)
      .default(20)
      .meta({ title: "Platform fee (%)" })
      .describe("The platform's share of every booking; owners earn the rest per verified play"),
    maxImageMb: z.number().min(1).max(100).default(10).meta({ title: "Largest image (MB)" }),
    maxVideoMb: z.number().min(1).max(100).default(100).meta({ title: "Largest video (MB)" }),
    offlineAfterSeconds: z
      .number()
      .int()
      .min(60)
      .max(3600)
      .default(90)
      .meta({ title: "Offline after (s)" })
      .describe("A screen without a heartbeat for this long is marked offline"),
  }),
} satisfies ManifestInput & { settings: z.ZodObject };
