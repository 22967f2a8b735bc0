import { MIN_PASSWORD_LENGTH } from "@omnify/core/auth/password";
import { Card } from "@omnify/ui";
import type { Metadata } from "next";
import { ResetPasswordForm } from "../../../components/account/ResetPasswordForm";
import { CenteredPage } from "../../../components/CenteredPage";
import { requireTenant } from "../../../server/tenant";

// The token is the credential; keep it out of Referer headers.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/** Public: the link from the reset e-mail; the token is checked when the form is sent. */
export default async function ResetPasswordPage({ params }: Props) {
  const tenant = await requireTenant();
  const { token } = await params;
  return (
    <CenteredPage>
      <Card headingLevel={1} title="Choose a new password" description={`for ${tenant.name}`}>
        <ResetPasswordForm token={token} minLength={MIN_PASSWORD_LENGTH} />
      </Card>
    </CenteredPage>
  );
}
