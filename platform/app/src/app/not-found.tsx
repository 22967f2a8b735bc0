import { EmptyState } from "@omnify/ui";
import type { Metadata } from "next";
import { CenteredPage } from "../components/CenteredPage";
import { getHostInfo } from "../server/tenant";

export const metadata: Metadata = { title: "Not found" };

/**
 * Rendered with HTTP 404 for unknown and malformed hosts (in the platform's brand, never
 * another tenant's) and for unknown paths on a tenant's host (in that tenant's brand).
 */
export default async function NotFound() {
  const info = await getHostInfo();
  const noTenant = info.kind !== "tenant";
  return (
    <CenteredPage>
      <EmptyState
        headingLevel={1}
        title={noTenant ? "No workspace at this address" : "Page not found"}
        description={
          noTenant
            ? "Check the address, or ask whoever sent you the link for the right one."
            : "The page you asked for does not exist here."
        }
        action={noTenant ? undefined : <a href="/">Go to the dashboard</a>}
      />
    </CenteredPage>
  );
}
