import { and, eq, featureOverrides, type Tx } from "@omnify/db";
import { badInput } from "../errors";
import { type FeatureKey, featureKeys, type LimitKey, limitKeys } from "./plans";

/**
 * A platform admin's override of one limit (a whole number ≥ 0) or feature flag (boolean)
 * for the tenant in `tx`; `null` removes it so the plan's value applies again. The key and
 * the value's type are checked, naming the field, before anything is written.
 */
export async function setFeatureOverride(
  tx: Tx,
  tenantId: string,
  key: string,
  value: number | boolean | null,
): Promise<void> {
  const isLimit = (limitKeys as readonly string[]).includes(key);
  const isFlag = (featureKeys as readonly string[]).includes(key);
  if (!isLimit && !isFlag)
    throw badInput(
      "key",
      `Unknown limit or feature "${key}": use one of ${[...limitKeys, ...featureKeys].join(", ")}`,
    );
  if (value !== null) {
    if (isLimit && !(typeof value === "number" && Number.isInteger(value) && value >= 0))
      throw badInput("value", `${key} takes a whole number of 0 or more`);
    if (isFlag && typeof value !== "boolean") throw badInput("value", `${key} takes true or false`);
  }
  const where = and(eq(featureOverrides.tenantId, tenantId), eq(featureOverrides.key, key));
  if (value === null) {
    await tx.delete(featureOverrides).where(where);
    return;
  }
  await tx
    .insert(featureOverrides)
    .values({ tenantId, key: key as LimitKey | FeatureKey, value })
    .onConflictDoUpdate({
      target: [featureOverrides.tenantId, featureOverrides.key],
      set: { value, updatedAt: new Date() },
    });
}
