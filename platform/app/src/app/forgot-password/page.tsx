import { Card } from "@omnify/ui";
import type { Metadata } from "next";
import { ForgotPasswordForm } from "../../components/account/ForgotPasswordForm";
import { CenteredPage } from "../../components/CenteredPage";
import { requireTenant } from "../../server/tenant";

export const metadata: Metadata = { title: "Forgot password" };

/** Public: asks for a reset link by e-mail, in the tenant's brand. */
export default async function ForgotPasswordPage() {
  const tenant = await requireTenant();
  return (
    <CenteredPage>
      <Card headingLevel={1} title="Reset your password" description={`for ${tenant.name}`}>
        <ForgotPasswordForm />
      </Card>
    </CenteredPage>
  );
}
