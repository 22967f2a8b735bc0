export { sendUsageAlertMails } from "./alert-mails";
export {
  INGEST_BATCH,
  ingestUsage,
  type UsageEventInput,
  type UsageIngestResult,
} from "./ingest-usage";
export {
  type Aggregation,
  aggregations,
  coreMeters,
  type MeterDefinition,
  meterForQuota,
  quotaForMeter,
} from "./meters";
export {
  ALERT_THRESHOLDS,
  assertQuotaAvailable,
  monthToDate,
  quotaExceeded,
  upgradePath,
} from "./quotas";
export { type Discrepancy, reconcileStripeUsage } from "./reconcile";
export { recordApiCall } from "./record-api-call";
export {
  bucketStart,
  LATE_OVERLAP_MS,
  type RollupPeriod,
  type RollupResult,
  rollUpUsage,
} from "./roll-up";
export { allTenantIds, rollUpAllTenants } from "./roll-up-all";
export {
  billedCustomer,
  ensureStripeMeters,
  type ReportResult,
  reportUsageToStripe,
  stripeEventName,
} from "./stripe-report";
export {
  getUsageOverview,
  type MeterUsage,
  type QuotaState,
  type SubaccountUsage,
  type UsageOverview,
} from "./usage-overview";
