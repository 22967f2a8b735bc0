import type { JobDefinition } from "./jobs/define-job";
import { dispatchTransfersJob } from "./jobs/dispatch-transfers";
import { expireInvitationsJob } from "./jobs/expire-invitations";
import { exportTenantJob } from "./jobs/export-tenant";
import { importTenantJob } from "./jobs/import-tenant";
import { pluginDispatchJob } from "./jobs/plugin-dispatch";
import { pluginEventsJob } from "./jobs/plugin-events";
import { pluginPurgeJob } from "./jobs/plugin-purge";
import { pluginSyncJob } from "./jobs/plugin-sync";
import { rebillingInvoicesJob } from "./jobs/rebilling-invoices";
import { dispatchStripeEventsJob, stripeWebhookJob } from "./jobs/stripe-webhook";
import { usageRollupDailyJob, usageRollupHourlyJob } from "./jobs/usage-rollup";
import {
  usageAlertMailsJob,
  usageStripeReconcileJob,
  usageStripeReportJob,
} from "./jobs/usage-stripe";
import { verifyDomainsJob } from "./jobs/verify-domains";

/**
 * Every job the worker runs. Add a definition here; its handler loads on first use. Plugin
 * job queues (`plugin.<id>.<job>`) are not listed: plugin-sync creates them from the catalog.
 */
export const jobs: readonly JobDefinition[] = [
  expireInvitationsJob,
  pluginEventsJob,
  pluginDispatchJob,
  pluginSyncJob,
  pluginPurgeJob,
  exportTenantJob,
  importTenantJob,
  dispatchTransfersJob,
  verifyDomainsJob,
  stripeWebhookJob,
  dispatchStripeEventsJob,
  usageRollupHourlyJob,
  usageRollupDailyJob,
  usageStripeReportJob,
  usageStripeReconcileJob,
  usageAlertMailsJob,
  rebillingInvoicesJob,
];
