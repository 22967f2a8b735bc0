import { createTRPCRouter } from "../../trpc";
import { connectStatusRoute } from "./connect-status";
import { createPlanRoute } from "./create-plan";
import { deletePlanRoute } from "./delete-plan";
import { findClientsRoute } from "./find-clients";
import { findInvoicesRoute } from "./find-invoices";
import { findPlansRoute } from "./find-plans";
import { findTraceRoute } from "./find-trace";
import { getClientPreviewRoute } from "./get-client-preview";
import { getPreviewRoute } from "./get-preview";
import { invoiceNowRoute } from "./invoice-now";
import { setClientBillingRoute } from "./set-client-billing";
import { startConnectRoute } from "./start-connect";
import { updatePlanRoute } from "./update-plan";

/** Agency rebilling (SaaS mode): client plans, caps, Connect, client invoices and their trace. */
export const rebillingRouter = createTRPCRouter({
  plans: findPlansRoute,
  createPlan: createPlanRoute,
  updatePlan: updatePlanRoute,
  deletePlan: deletePlanRoute,
  clients: findClientsRoute,
  setClientBilling: setClientBillingRoute,
  connectStatus: connectStatusRoute,
  startConnect: startConnectRoute,
  invoices: findInvoicesRoute,
  trace: findTraceRoute,
  preview: getPreviewRoute,
  clientPreview: getClientPreviewRoute,
  invoiceNow: invoiceNowRoute,
});
