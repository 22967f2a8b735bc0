import { z } from "zod";

const ZMeter = z.object({ meter: z.string(), unitPrice: z.string(), includedQuantity: z.string() });

export const ZClientPlan = z.object({
  id: z.uuid(),
  name: z.string(),
  currency: z.string(),
  baseFeeCents: z.number(),
  markupPercent: z.string(),
  meters: z.array(ZMeter),
  clients: z.number(),
});

/** Loose on purpose: core validates every field and names the bad one (`meters[0].unitPrice`). */
export const ZClientPlanInput = z.object({
  name: z.string().max(200),
  currency: z.string().max(10).optional(),
  baseFeeCents: z.number(),
  markupPercent: z.union([z.number(), z.string().max(30)]),
  meters: z
    .array(
      z.object({
        meter: z.string().max(200),
        unitPrice: z.union([z.number(), z.string().max(30)]),
        includedQuantity: z.union([z.number(), z.string().max(30)]).optional(),
      }),
    )
    .max(100),
});

export const ZSpend = z.object({
  spentCents: z.number(),
  spendCapCents: z.number().nullable(),
  capReached: z.boolean(),
  currency: z.string(),
});

export const ZClient = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  spendCapCents: z.number().nullable(),
  /** Set when the agency stopped rebilling the client; it is still invoiced for the days before. */
  detachedAt: z.date().nullable(),
  spend: ZSpend.nullable(),
});

export const ZConnectStatus = z.object({
  connected: z.boolean(),
  accountId: z.string().nullable(),
  chargesEnabled: z.boolean(),
  payoutsEnabled: z.boolean(),
});

const ZTraceEvent = z.object({
  id: z.string(),
  source: z.string(),
  quantity: z.string(),
  occurredAt: z.date(),
});

export const ZPreviewLine = z.object({
  position: z.number(),
  kind: z.enum(["base", "usage"]),
  meter: z.string().nullable(),
  description: z.string(),
  quantity: z.string(),
  amountCents: z.number(),
  eventsChecksum: z.string().nullable(),
  events: z.array(ZTraceEvent),
});

export const ZPreview = z
  .object({
    planName: z.string(),
    agencyName: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    currency: z.string(),
    totalCents: z.number(),
    spend: ZSpend,
    lines: z.array(ZPreviewLine),
  })
  .nullable();

export const ZInvoice = z.object({
  id: z.uuid(),
  subaccountId: z.uuid(),
  clientName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  currency: z.string(),
  totalCents: z.number(),
  status: z.string(),
  hostedInvoiceUrl: z.string().nullable(),
  stripeError: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      meter: z.string().nullable(),
      description: z.string(),
      quantity: z.string(),
      amountCents: z.number(),
      eventCount: z.number(),
      eventsChecksum: z.string().nullable(),
    }),
  ),
});

export const ZTrace = z.object({ events: z.array(ZTraceEvent) });
export const ZSubaccountInput = z.object({ subaccountId: z.string().max(64) });
