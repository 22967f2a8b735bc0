export {
  type ClientBillingInput,
  listRebilledClients,
  type RebilledClient,
  setClientBilling,
} from "./clients";
export {
  type ConnectStatus,
  connectStatus,
  refreshConnectStatus,
  startConnectOnboarding,
} from "./connect";
export {
  type ClientInvoiceSummary,
  invoiceAllClients,
  invoiceClient,
  invoiceLineTrace,
  listClientInvoices,
  previewClientInvoice,
  previewInvoiceForClient,
} from "./invoicing";
export {
  type ComputedInvoice,
  type ComputedLine,
  computeInvoice,
  eventsChecksum,
  monthOf,
  type Period,
  previousMonth,
} from "./lines";
export { formatCents, lineCents } from "./money";
export {
  type ClientPlan,
  type ClientPlanInput,
  createClientPlan,
  deleteClientPlan,
  listClientPlans,
  updateClientPlan,
  validateClientPlan,
} from "./plans";
export {
  assertWithinSpendCap,
  type ClientPlanState,
  clientPlanState,
  meteredSpendCents,
  type SpendState,
  spendCapMessage,
  spendState,
} from "./spend";
