import { isAdminRole, isAgencyStaffRole } from "@omnify/core/auth/roles";
import { Card, Stat } from "@omnify/ui";
import { CreateSubaccountForm } from "../components/CreateSubaccountForm";
import { PlatformLanding } from "../components/PlatformLanding";
import { PortalShell } from "../components/PortalShell";
import { SubaccountSwitcher } from "../components/SubaccountSwitcher";
import { PluginDashboardCards, pluginNavItems } from "../plugins-ui";
import { requireUser } from "../server/auth";
import { dashboardStats } from "../server/dashboard";
import { getHostInfo } from "../server/tenant";

/** Platform host: landing page. Tenant host: the signed-in dashboard. */
export default async function HomePage() {
  if ((await getHostInfo()).kind === "platform") return <PlatformLanding />;
  const current = await requireUser();
  const stats = await dashboardStats(current);
  const isAgencyStaff = current.tenant.kind === "agency" && isAgencyStaffRole(current.role);
  return (
    <PortalShell
      current={current}
      active="dashboard"
      title="Dashboard"
      extraNav={await pluginNavItems(current)}
    >
      <div className="omnify-stack">
        <p className="omnify-muted">Welcome back, {current.user.name}.</p>
        <div className="omnify-stats">
          <Card>
            <Stat label="Members" value={stats.members} />
          </Card>
          <Card>
            <Stat label="Pending invitations" value={stats.pendingInvitations} />
          </Card>
          {stats.subaccounts !== null && (
            <Card>
              <Stat label="Sub-accounts" value={stats.subaccounts} />
            </Card>
          )}
        </div>
        <PluginDashboardCards current={current} />
        {isAgencyStaff && (
          <Card
            headingLevel={2}
            title="Sub-accounts"
            description="Open a client's workspace. You stay signed in here too."
          >
            <SubaccountSwitcher />
          </Card>
        )}
        {isAgencyStaff && isAdminRole(current.role) && (
          <Card
            headingLevel={2}
            title="New sub-account"
            description="A workspace for a client, on its own address under yours."
          >
            <CreateSubaccountForm />
          </Card>
        )}
      </div>
    </PortalShell>
  );
}
