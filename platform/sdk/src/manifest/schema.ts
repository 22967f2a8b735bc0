import { z } from "zod";
import { PAYMENT_PROVIDERS } from "../payments.ts";
import { CRON_FIELD, NAME, SEMVER, SEMVER_RANGE, SLUG } from "./patterns.ts";

const name = (what: string) =>
  z.string().max(100).regex(NAME, `must be a ${what} name like 'order.paid' or 'sync-contacts'`);

/** A refinement that names the index of a repeated entry. */
const unique =
  <T>(key: (item: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      const k = key(item);
      if (seen.has(k))
        ctx.addIssue({ code: "custom", message: `duplicate ${what} '${k}'`, path: [i] });
      seen.add(k);
    }
  };

const MIME = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/;

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * `https://api.example.com/v1/**`: the scheme is fixed; the host may use `*` (one label) or
 * `**` (any labels); the port is a number or `*`; the path is a glob.
 */
const urlGlob = z
  .string()
  .max(500)
  .regex(
    /^https?:\/\/[a-z0-9*.-]+(?::(?:\d{1,5}|\*))?(?:\/\S*)?$/,
    "must look like 'https://api.example.com/v1/**'",
  );

const cron = z
  .string()
  .refine((s) => s.trim().split(/\s+/).length === 5, "must have five fields (minute precision)")
  .refine(
    (s) =>
      s
        .trim()
        .split(/\s+/)
        .every((f) => CRON_FIELD.test(f)),
    "has an invalid field",
  );

const timezone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, "must be an IANA time zone like 'Europe/Berlin'");

const schedule = z.strictObject({ id: name("schedule"), cron, timezone: timezone.optional() });
const meter = z.strictObject({
  name: name("meter"),
  aggregation: z.enum(["sum", "count", "max", "unique"]),
  unit: z.string().max(32).optional(),
});

export const capabilitiesSchema = z.strictObject({
  db: z.strictObject({ migrations: z.literal(true) }).optional(),
  http: z
    .strictObject({
      allow: z
        .array(z.strictObject({ url: urlGlob, methods: z.array(z.enum(HTTP_METHODS)).min(1) }))
        .min(1),
    })
    .optional(),
  secrets: z
    .array(name("secret"))
    .superRefine(unique((s: string) => s, "secret"))
    .optional(),
  events: z
    .strictObject({
      subscribe: z.array(name("event")).optional(),
      emit: z
        .array(
          name("event").refine(
            (t) => !t.startsWith("payments."),
            "payments.* events come only from the host's payment providers",
          ),
        )
        .optional(),
    })
    .optional(),
  schedules: z
    .array(schedule)
    .superRefine(unique((s: { id: string }) => s.id, "schedule"))
    .optional(),
  realtime: z.strictObject({ channels: z.array(name("channel")).min(1) }).optional(),
  meters: z
    .array(meter)
    .superRefine(unique((m: { name: string }) => m.name, "meter"))
    .optional(),
  /** Procedures a paired screen may call through `POST /api/devices/invoke`. */
  devices: z
    .strictObject({
      procedures: z.array(z.string().max(200)).superRefine(unique((p: string) => p, "procedure")),
    })
    .optional(),
  /** Objects this plugin stores per tenant: accepted MIME types and the per-object size cap. */
  storage: z
    .strictObject({
      accept: z
        .array(z.string().regex(MIME, "must be a MIME type like 'image/png'"))
        .min(1)
        .superRefine(unique((m: string) => m, "type")),
      // The web app accepts request bodies up to 101 MB (next.config.ts).
      maxObjectMb: z.number().positive().max(100, "must be at most 100 (MB)"),
    })
    .optional(),
  ui: z
    .strictObject({ slots: z.array(z.enum(["nav", "dashboard-card", "settings"])).min(1) })
    .optional(),
  /** `ctx.payments` through the host's payment providers (keys stay on the host). */
  payments: z
    .strictObject({
      providers: z
        .array(z.enum(PAYMENT_PROVIDERS))
        .min(1)
        .superRefine(unique((p: string) => p, "provider")),
    })
    .optional(),
});

/** The declarative part of a plugin: identity plus what it may do. Plain JSON. */
export const manifestSchema = z.strictObject({
  id: z.string().max(64).regex(SLUG, "must be a lowercase slug like 'my-plugin'"),
  version: z.string().regex(SEMVER, "must be a semantic version like '1.2.3'"),
  hostApi: z.string().max(100).regex(SEMVER_RANGE, "must be a semver range like '^1.0.0'"),
  name: z.string().min(1).max(80),
  description: z.string().max(500).default(""),
  capabilities: capabilitiesSchema.default({}),
  /** Resource requests; the host caps them by its own configuration. */
  limits: z.strictObject({ memoryMb: z.number().int().min(8).max(1024).optional() }).optional(),
});

export type Manifest = z.output<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
export type Capabilities = z.output<typeof capabilitiesSchema>;
