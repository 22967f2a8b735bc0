import { Card } from "@omnify/ui";
import type { Metadata } from "next";
import { CenteredPage } from "../../components/CenteredPage";
import { HandoffSignIn } from "../../components/HandoffSignIn";
import { safeCallbackPath } from "../../lib/callback-url";
import { requireTenant } from "../../server/tenant";

// The one-time token is in the URL; keep it out of Referer headers.
export const metadata: Metadata = { title: "Signing you in", referrer: "no-referrer" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Landing spot of a cross-host handoff (agency → sub-account): trades the token for a session. */
export default async function HandoffPage({ searchParams }: Props) {
  const tenant = await requireTenant();
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  return (
    <CenteredPage>
      <Card headingLevel={1} title={`Opening ${tenant.name}`}>
        <HandoffSignIn token={token} callbackUrl={safeCallbackPath(params.callbackUrl)} />
      </Card>
    </CenteredPage>
  );
}
