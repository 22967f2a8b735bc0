import { createClientPlan, resolveTenantByHost, setClientBilling } from "@omnify/core";
import { clientPlans, createAppDatabase } from "@omnify/db";

/** The demo agency that resells, and the sub-account it rebills. */
const DEMO = { agency: "northwind", client: "acme" };

/**
 * Gives the demo agency one client plan with Acme on it since the first day of last month, so
 * "Client plans" has something to show and "Invoice last month now" has a month to invoice
 * (plans apply from when a client is put on them). Written through core, like a user would;
 * skipped once the agency has any client plan.
 */
export async function seedDemoRebilling(
  appUrl: string,
  at: { platformHost: string; webPort: number },
): Promise<string> {
  const db = createAppDatabase(appUrl, { max: 1 });
  // Resolved the way the portal resolves its hosts (PLATFORM_HOST may not be "localhost").
  const host = {
    platformHost: at.platformHost,
    publicScheme: "http",
    publicPort: String(at.webPort),
  } as const;
  const agencyHost = `${DEMO.agency}.${at.platformHost}`;
  try {
    const agency = await resolveTenantByHost(db, agencyHost, host);
    if (!agency) return "no demo agency to rebill from";
    const client = await resolveTenantByHost(db, `${DEMO.client}.${agencyHost}`, host);
    if (!client) return `no ${DEMO.client} sub-account to rebill`;
    return await db.withTenant(agency.id, async (tx) => {
      const [existing] = await tx.select({ id: clientPlans.id }).from(clientPlans).limit(1);
      if (existing) return "client plans already there";
      const plan = await createClientPlan(tx, agency, {
        name: "Starter",
        currency: "usd",
        baseFeeCents: 4900,
        markupPercent: 20,
        meters: [{ meter: "utm-links.clicks", unitPrice: "0.01" }],
      });
      const now = new Date();
      const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
      await setClientBilling(
        tx,
        agency,
        { subaccountId: client.id, planId: plan.id, spendCapCents: null },
        lastMonth,
      );
      return `client plan "${plan.name}" with ${client.name} on it since ${lastMonth.toISOString().slice(0, 10)}`;
    });
  } finally {
    await db.close();
  }
}
