import { refreshConnectStatus } from "@omnify/core";
import { adminMemberProcedure } from "../../trpc";
import { billingStripe } from "../billing/billing-deps";
import { ZConnectStatus } from "./rebilling.types";

/** Agency admins: whether the agency's Stripe account is connected and may take charges. */
export const connectStatusRoute = adminMemberProcedure
  .output(ZConnectStatus)
  .query(({ ctx }) => refreshConnectStatus(ctx.db, billingStripe(ctx), ctx.tenant.id));
