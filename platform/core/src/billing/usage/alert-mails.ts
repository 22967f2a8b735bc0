import { type AppDatabase, sql } from "@omnify/db";
import type { CoreConfig } from "../../env";
import type { Mailer } from "../../mail/mailer";
import { usageAlertMail } from "../../mail/templates/usage-alert";
import { buildOrigin } from "../../tenancy/build-origin";
import { getEntitlements, limitLabel } from "../entitlements";
import { coreMeters } from "./meters";
import { upgradePath } from "./quotas";
import { allTenantIds } from "./roll-up-all";

type AlertRow = { meter: string; month: string; threshold: number; used: string; quota: string };
type TenantRow = { name: string; slug: string; agency_slug: string | null };

/**
 * E-mails each new quota alert to the workspace's owners and admins, then marks it notified,
 * in the tenant's transaction (a failed send leaves it for the next run).
 */
export async function sendUsageAlertMails(
  db: AppDatabase,
  mailer: Mailer,
  config: Pick<CoreConfig, "platformHost" | "publicScheme" | "publicPort">,
): Promise<number> {
  let sent = 0;
  for (const id of await allTenantIds(db)) {
    sent += await db.withTenant(id, async (tx) => {
      const alerts = (await tx.execute(sql`
        select meter, month::text as month, threshold, used::text as used, quota::text as quota
        from usage_alerts where notified_at is null order by created_at`)) as unknown as AlertRow[];
      if (alerts.length === 0) return 0;
      const [tenant] = (await tx.execute(sql`
        select t.name, t.slug, a.slug as agency_slug from tenants t
        left join tenants a on a.id = t.parent_id where t.id = ${id}`)) as unknown as TenantRow[];
      const recipients = (await tx.execute(sql`
        select u.email from memberships m join users u on u.id = m.user_id
        where m.role in ('agency_owner', 'agency_admin', 'subaccount_admin')
        order by u.email`)) as unknown as { email: string }[];
      if (!tenant) return 0;
      const host = [tenant.slug, tenant.agency_slug, config.platformHost].filter(Boolean).join(".");
      const ent = await getEntitlements(tx, id);
      for (const a of alerts) {
        const quota = coreMeters.find((m) => m.name === a.meter)?.quota;
        if (!quota) continue;
        for (const r of recipients)
          await mailer.send(
            usageAlertMail({
              to: r.email,
              tenantName: tenant.name,
              quotaLabel: limitLabel[quota],
              threshold: a.threshold,
              used: Number(a.used),
              quota: Number(a.quota),
              upgrade: upgradePath(ent, quota),
              usageUrl: `${buildOrigin(host, config)}/settings/usage`,
            }),
          );
        await tx.execute(sql`update usage_alerts set notified_at = now()
          where meter = ${a.meter} and month = ${a.month} and threshold = ${a.threshold}`);
      }
      return alerts.length;
    });
  }
  return sent;
}
