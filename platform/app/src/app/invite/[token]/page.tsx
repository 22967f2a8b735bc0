import { MIN_PASSWORD_LENGTH } from "@omnify/core/auth/password";
import { getInvitation } from "@omnify/core/members/get-invitation";
import { Alert, Card } from "@omnify/ui";
import type { Metadata } from "next";
import { AcceptInvitationForm } from "../../../components/AcceptInvitationForm";
import { CenteredPage } from "../../../components/CenteredPage";
import { roleLabel } from "../../../lib/roles";
import { getDeps } from "../../../server/deps";
import { requireTenant } from "../../../server/tenant";

// The token is the credential; keep it out of Referer headers.
export const metadata: Metadata = { title: "Join", referrer: "no-referrer" };

const UNUSABLE = {
  accepted: "This invitation has already been used. Sign in instead.",
  expired: "This invitation has expired. Ask the person who invited you to send a new one.",
  revoked: "This invitation was withdrawn or replaced by a newer one.",
} as const;

type Props = { params: Promise<{ token: string }> };

/** Public, in the inviting tenant's brand: accept as a new or an existing account. */
export default async function InvitePage({ params }: Props) {
  const tenant = await requireTenant();
  const { token } = await params;
  const invitation = await getInvitation(getDeps().db, tenant, token);
  return (
    <CenteredPage>
      <Card headingLevel={1} title={`Join ${tenant.name}`}>
        {!invitation ? (
          <Alert tone="danger">
            This invitation link is not valid. <a href="/signin">Sign in</a>
          </Alert>
        ) : invitation.status !== "pending" ? (
          <Alert tone="warning">
            {UNUSABLE[invitation.status]} <a href="/signin">Sign in</a>
          </Alert>
        ) : (
          <div className="omnify-stack">
            <p>
              You have been invited to <strong>{tenant.name}</strong> as{" "}
              <strong>{roleLabel(invitation.role)}</strong>.
            </p>
            <AcceptInvitationForm
              token={token}
              email={invitation.email}
              accountExists={invitation.accountExists}
              minPasswordLength={MIN_PASSWORD_LENGTH}
            />
          </div>
        )}
      </Card>
    </CenteredPage>
  );
}
