import { getEntitlements } from "@omnify/core/billing/entitlements";
import { Alert } from "@omnify/ui";
import type { CurrentUser } from "../server/auth";
import { getDeps } from "../server/deps";

/**
 * On every portal page while the agency's payment is overdue past the grace period. A
 * failed lookup shows nothing rather than breaking the page; the server refuses anyway.
 */
export async function ReadOnlyBanner({ current }: { current: CurrentUser }) {
  const tenantId = current.tenant.id;
  const readOnly = await getDeps()
    .db.withTenant(tenantId, async (tx) => (await getEntitlements(tx, tenantId)).readOnly)
    .catch(() => false);
  if (!readOnly) return null;
  return (
    <Alert tone="danger" title="This workspace is read-only">
      A payment is overdue. The agency owner can restore access under Settings → Billing.
    </Alert>
  );
}
