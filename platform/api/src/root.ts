import { accountRouter } from "./routers/account/router";
import { apiKeysRouter } from "./routers/apiKeys/router";
import { auditRouter } from "./routers/audit/router";
import { authRouter } from "./routers/auth/router";
import { billingRouter } from "./routers/billing/router";
import { brandingRouter } from "./routers/branding/router";
import { devicesRouter } from "./routers/devices/router";
import { domainsRouter } from "./routers/domains/router";
import { exportsRouter } from "./routers/exports/router";
import { invitationsRouter } from "./routers/invitations/router";
import { membersRouter } from "./routers/members/router";
import { pluginsRouter } from "./routers/plugins/router";
import { realtimeRouter } from "./routers/realtime/router";
import { rebillingRouter } from "./routers/rebilling/router";
import { rolesRouter } from "./routers/roles/router";
import { subaccountsRouter } from "./routers/subaccounts/router";
import { usageRouter } from "./routers/usage/router";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  account: accountRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  auth: authRouter,
  billing: billingRouter,
  usage: usageRouter,
  branding: brandingRouter,
  devices: devicesRouter,
  domains: domainsRouter,
  exports: exportsRouter,
  invitations: invitationsRouter,
  members: membersRouter,
  plugins: pluginsRouter,
  realtime: realtimeRouter,
  rebilling: rebillingRouter,
  roles: rolesRouter,
  subaccounts: subaccountsRouter,
});

export type AppRouter = typeof appRouter;
