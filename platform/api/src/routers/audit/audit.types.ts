import { z } from "zod";

// Free text stays plain strings: core validates filters and names the offending one.
export const ZAuditFilters = z.object({
  action: z.string().max(100).nullish(),
  actor: z.string().max(320).nullish(),
  targetType: z.string().max(100).nullish(),
  targetId: z.string().max(200).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});
export type AuditFiltersInput = z.infer<typeof ZAuditFilters>;

export const ZFindAuditInput = ZAuditFilters.extend({
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(200).optional(),
});

export const ZAuditRecord = z.object({
  id: z.uuid(),
  occurredAt: z.date(),
  actorUserId: z.uuid().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
});
export const ZFindAuditOutput = z.object({
  items: z.array(ZAuditRecord),
  nextCursor: z.string().nullable(),
});
export const ZExportAuditOutput = z.object({ csv: z.string(), filename: z.string() });
