import { limitKeys, planIds } from "@omnify/core";
import { z } from "zod";

const ZQuota = z.object({
  key: z.enum(limitKeys),
  label: z.string(),
  limit: z.number().nullable(),
  state: z.enum(["ok", "warning", "exceeded"]),
  upgrade: z.string(),
});

export const ZUsageOverview = z.object({
  plan: z.enum(planIds),
  month: z.string(),
  days: z.array(z.string()),
  meters: z.array(
    z.object({
      source: z.string(),
      meter: z.string(),
      label: z.string(),
      aggregation: z.string(),
      unit: z.string().nullable(),
      used: z.number(),
      quota: ZQuota.nullable(),
      daily: z.array(z.number()),
    }),
  ),
  alerts: z.array(z.object({ meter: z.string(), threshold: z.number(), createdAt: z.date() })),
  subaccounts: z
    .array(
      z.object({
        tenantId: z.string(),
        name: z.string(),
        source: z.string(),
        meter: z.string(),
        daily: z.array(z.number()),
      }),
    )
    .nullable(),
});
