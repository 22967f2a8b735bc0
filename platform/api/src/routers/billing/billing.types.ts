import { featureKeys, limitKeys, planIds } from "@omnify/core";
import { subscriptionStatuses } from "@omnify/db";
import { z } from "zod";

const ZLimits = z.record(z.enum(limitKeys), z.number().nullable());
const ZFeatures = z.record(z.enum(featureKeys), z.boolean());

export const ZPlan = z.object({
  id: z.enum(planIds),
  name: z.string(),
  monthlyCents: z.number(),
  purchasable: z.boolean(),
  limits: ZLimits,
  features: ZFeatures,
});
export const ZPlansOutput = z.object({ plans: z.array(ZPlan) });

export const ZCurrentOutput = z.object({
  plan: z.enum(planIds),
  status: z.enum([...subscriptionStatuses, "none"]),
  pastDueSince: z.date().nullable(),
  readOnly: z.boolean(),
  limits: ZLimits,
  features: ZFeatures,
  usage: z.record(z.enum(limitKeys), z.number()),
});

// The plan stays a plain string: core names the `plan` field when it is unknown.
export const ZCheckoutInput = z.object({ plan: z.string().max(40) });
export const ZUrlOutput = z.object({ url: z.string() });

export const ZInvoicesOutput = z.object({
  invoices: z.array(
    z.object({
      id: z.string(),
      status: z.string(),
      totalCents: z.number(),
      currency: z.string(),
      createdAt: z.date(),
      url: z.string().nullable(),
      lines: z.array(
        z.object({ description: z.string(), amountCents: z.number(), proration: z.boolean() }),
      ),
    }),
  ),
});

// Key and value stay loose here: core checks both and names the field.
export const ZOverrideInput = z.object({
  key: z.string().max(40),
  value: z.union([z.number(), z.boolean(), z.null()]),
});
