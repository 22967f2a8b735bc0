import { sql, type Tx, usageEvents } from "@omnify/db";
import { badInput } from "../errors";

export type UsageRecord = {
  meter: string;
  /** 'core' or 'plugin:<id>'. */
  source: string;
  quantity: number;
  idempotencyKey: string;
  occurredAt?: Date;
};

const METER = /^[a-z][a-z0-9_.:-]{0,99}$/i;

/**
 * Records usage for the transaction's tenant. Retries with the same idempotency key (per
 * tenant, source and meter) are absorbed: `recorded` is false and nothing is added.
 */
export async function recordUsage(tx: Tx, u: UsageRecord): Promise<{ recorded: boolean }> {
  if (!METER.test(u.meter)) throw badInput("meter", "is not a valid meter name");
  if (typeof u.quantity !== "number" || !Number.isFinite(u.quantity) || u.quantity < 0)
    throw badInput("quantity", "must be a finite number of at least 0");
  if (!u.idempotencyKey || u.idempotencyKey.length > 200)
    throw badInput("idempotencyKey", "must be 1 to 200 characters");
  const rows = await tx
    .insert(usageEvents)
    .values({
      tenantId: sql`(select app.current_tenant())`,
      meter: u.meter,
      source: u.source,
      quantity: String(u.quantity),
      idempotencyKey: u.idempotencyKey,
      occurredAt: u.occurredAt ?? new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: usageEvents.id });
  return { recorded: rows.length > 0 };
}
