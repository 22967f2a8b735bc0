import { Alert } from "@omnify/ui";
import type { CurrentUser } from "../server/auth";

/**
 * On every portal page while the agency's payment is overdue past the grace period. The
 * page's request context already carries the state: no query of its own.
 */
export function ReadOnlyBanner({ current }: { current: CurrentUser }) {
  if (!current.billing.readOnly) return null;
  return (
    <Alert tone="danger" title="This workspace is read-only">
      A payment is overdue. The agency owner can restore access under Settings → Billing.
    </Alert>
  );
}
