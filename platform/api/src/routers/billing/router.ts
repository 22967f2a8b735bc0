import { createTRPCRouter } from "../../trpc";
import { createCheckoutRoute } from "./create-checkout";
import { createPortalRoute } from "./create-portal";
import { findInvoicesRoute } from "./find-invoices";
import { findPlansRoute } from "./find-plans";
import { getCurrentRoute } from "./get-current";
import { setOverrideRoute } from "./set-override";

export const billingRouter = createTRPCRouter({
  plans: findPlansRoute,
  current: getCurrentRoute,
  checkout: createCheckoutRoute,
  portal: createPortalRoute,
  invoices: findInvoicesRoute,
  setOverride: setOverrideRoute,
});
