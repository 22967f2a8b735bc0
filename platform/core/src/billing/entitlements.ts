import { type SubscriptionStatus, sql, type Tx, withinTenant } from "@omnify/db";
import { DomainError } from "../errors";
import {
  type FeatureKey,
  type LimitKey,
  type Limits,
  type PlanId,
  planById,
  upgradeFor,
} from "./plans";
import { isReadOnly, keepsPlan } from "./state-machine";
import { meterForQuota } from "./usage/meters";

export type Entitlements = {
  /** The agency that pays: a sub-account runs on its agency's plan. */
  billedTenantId: string;
  plan: PlanId;
  status: SubscriptionStatus | "none";
  pastDueSince: Date | null;
  readOnly: boolean;
  limits: Limits;
  features: Record<FeatureKey, boolean>;
};

type SubRow = { plan: string; status: SubscriptionStatus; past_due_since: string | Date | null };
type OverrideRow = { key: string; value: number | boolean };

/**
 * What the tenant may do: its agency's plan (Free without a live subscription), with the
 * platform admin's per-tenant overrides on top. Runs inside the caller's transaction.
 */
export async function getEntitlements(
  tx: Tx,
  tenantId: string,
  now = new Date(),
): Promise<Entitlements> {
  const [self] = (await tx.execute(
    sql`select parent_id from tenants where id = ${tenantId}`,
  )) as unknown as {
    parent_id: string | null;
  }[];
  const billedTenantId = self?.parent_id ?? tenantId;
  return withinTenant(tx, billedTenantId, async () => {
    const [sub] = (await tx.execute(
      sql`select plan, status, past_due_since from subscriptions where tenant_id = ${billedTenantId}`,
    )) as unknown as SubRow[];
    const overrides = (await tx.execute(
      sql`select key, value from feature_overrides where tenant_id = ${billedTenantId}`,
    )) as unknown as OverrideRow[];
    const live = sub && keepsPlan(sub.status);
    const plan = planById(live ? sub.plan : "free");
    const pastDueSince = sub?.past_due_since ? new Date(sub.past_due_since) : null;
    const limits = { ...plan.limits };
    const features = { ...plan.features };
    for (const o of overrides) {
      if (o.key in limits && typeof o.value === "number") limits[o.key as LimitKey] = o.value;
      if (o.key in features && typeof o.value === "boolean")
        features[o.key as FeatureKey] = o.value;
    }
    return {
      billedTenantId,
      plan: plan.id,
      status: sub?.status ?? "none",
      pastDueSince,
      readOnly: isReadOnly(sub ? { status: sub.status, pastDueSince } : undefined, now),
      limits,
      features,
    };
  });
}

const monthStart = (now: Date) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));

/** How much of `limit` the tenant uses now (quotas: this calendar month, UTC). */
export async function currentUsage(
  tx: Tx,
  tenantId: string,
  limit: LimitKey,
  now = new Date(),
): Promise<number> {
  const meter = meterForQuota(limit);
  const query =
    limit === "seats"
      ? sql`select (select count(*) from memberships where tenant_id = ${tenantId})
          + (select count(*) from invitations where tenant_id = ${tenantId} and status = 'pending' and expires_at > ${now.toISOString()}) as n`
      : limit === "subaccounts"
        ? sql`select count(*) as n from tenants where parent_id = ${tenantId}`
        : limit === "plugins"
          ? sql`select count(*) as n from plugin_installations where tenant_id = ${tenantId} and status <> 'uninstalled'`
          : sql`select coalesce(sum(total), 0) as n from usage_monthly
              where tenant_id = ${tenantId} and source = 'core' and meter = ${meter ?? ""}
                and month = ${monthStart(now).toISOString().slice(0, 10)}`;
  const [row] = (await tx.execute(query)) as unknown as { n: string | number }[];
  return Number(row?.n ?? 0);
}

/**
 * Refuses one more unit of `limit` when the tenant is at its plan's cap, naming the limit
 * and the plan to upgrade to. Read-only (unpaid) workspaces never get here: the API's write
 * guard (`assertNotReadOnly` in tenantProcedure and REST) refuses their mutations first.
 */
export async function assertWithinLimit(
  tx: Tx,
  tenantId: string,
  limit: LimitKey,
  adding = 1,
  now = new Date(),
) {
  const ent = await getEntitlements(tx, tenantId, now);
  const cap = ent.limits[limit];
  if (cap === null) return;
  const used = await currentUsage(tx, tenantId, limit, now);
  if (used + adding <= cap) return;
  const next = upgradeFor(ent.plan, limit);
  const upgrade = next
    ? `upgrade to ${next.name} in Settings → Billing`
    : "contact us about Enterprise";
  throw new DomainError(
    "FORBIDDEN",
    `Your ${planById(ent.plan).name} plan allows ${cap} ${limitLabel[limit]} (${used} in use): ${upgrade}`,
    limit,
  );
}

/** The billed agency's status and whether the workspace is read-only (the API's write guard). */
export async function billingAccessInTransaction(
  tx: Tx,
  tenantId: string,
  now = new Date(),
): Promise<{ status: Entitlements["status"]; readOnly: boolean }> {
  const { status, readOnly } = await getEntitlements(tx, tenantId, now);
  return { status, readOnly };
}

/** Refuses writes while the workspace is read-only because an invoice is long overdue. */
export function assertNotReadOnly(access: { readOnly: boolean }): void {
  if (access.readOnly)
    throw new DomainError(
      "FORBIDDEN",
      "Your workspace is read-only because payment is overdue — update your payment method in Billing",
      "billing",
    );
}

export const limitLabel: Record<LimitKey, string> = {
  seats: "seats",
  subaccounts: "sub-accounts",
  plugins: "plugins",
  apiCallsPerMonth: "API calls a month",
  aiTokensPerMonth: "AI tokens a month",
  screenHoursPerMonth: "screen hours a month",
};
