import { Card } from "@omnify/ui";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CenteredPage } from "../../components/CenteredPage";
import { SignInForm } from "../../components/SignInForm";
import { serverEnv } from "../../env";
import { sameOriginPath } from "../../lib/callback-url";
import { getCurrentUser } from "../../server/auth";
import { requireTenant } from "../../server/tenant";

export const metadata: Metadata = { title: "Sign in" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const tenant = await requireTenant();
  const params = await searchParams;
  // next-auth's own redirects send an absolute URL on this origin; anything else becomes "/".
  const raw = typeof params.callbackUrl === "string" ? params.callbackUrl : "/";
  const callbackUrl = sameOriginPath(raw, tenant.origin);
  if (await getCurrentUser()) redirect(callbackUrl);
  // next-auth sends failed sign-ins back here with ?error=…; never say more than "no".
  const failed = typeof params.error === "string";
  return (
    <CenteredPage>
      <Card headingLevel={1} title="Sign in" description={`to ${tenant.name}`}>
        <SignInForm
          callbackUrl={callbackUrl}
          githubEnabled={serverEnv().githubEnabled}
          initialError={failed ? "We could not sign you in with that account." : null}
        />
      </Card>
    </CenteredPage>
  );
}
