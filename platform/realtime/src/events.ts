import { z } from "zod";

/** What the gateway accepts from the omnify_events channel (see publishTenantEvent). */
const tenantEventSchema = z.object({
  tenantId: z.uuid(),
  type: z.string().min(1),
  data: z.record(z.string(), z.unknown()),
});
export type TenantEvent = z.infer<typeof tenantEventSchema>;

/** The parsed event, or the reason it must be dropped. */
export function parseTenantEvent(
  payload: string,
): { ok: true; event: TenantEvent } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const parsed = tenantEventSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, reason: parsed.error.issues.map((i) => i.path.join(".")).join(", ") };
  }
  return { ok: true, event: parsed.data };
}

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
export const userRoom = (userId: string) => `user:${userId}`;
