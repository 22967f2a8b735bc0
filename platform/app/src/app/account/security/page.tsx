import { isAdminRole } from "@omnify/core/auth/roles";
import type { Metadata } from "next";
import { MfaCard } from "../../../components/account/MfaCard";
import { RequireMfaCard } from "../../../components/account/RequireMfaCard";
import { SessionsCard } from "../../../components/account/SessionsCard";
import { PortalShell } from "../../../components/PortalShell";
import { mustEnrolMfa, requireUser } from "../../../server/auth";

export const metadata: Metadata = { title: "Security" };

/**
 * Two-factor authentication, active sessions and (for agency admins) the MFA policy. The
 * one portal page reachable while a required MFA enrolment is still missing.
 */
export default async function SecurityPage() {
  const current = await requireUser({ allowMissingMfa: true });
  const mustEnrol = mustEnrolMfa(current);
  const canSetPolicy = current.tenant.kind === "agency" && isAdminRole(current.role);
  return (
    <PortalShell current={current} active="security" title="Security">
      <div className="omnify-stack">
        <MfaCard mustEnrol={mustEnrol} />
        {!mustEnrol && <SessionsCard />}
        {canSetPolicy && !mustEnrol && <RequireMfaCard />}
      </div>
    </PortalShell>
  );
}
