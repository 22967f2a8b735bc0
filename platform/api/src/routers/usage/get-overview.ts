import { getUsageOverview } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZUsageOverview } from "./usage.types";

/** This month's usage per meter and day, quota states and alerts; an agency also gets its sub-accounts. */
export const getOverviewRoute = authorizedProcedure("billing.read")
  .output(ZUsageOverview)
  .query(({ ctx }) => getUsageOverview(ctx.tx, ctx.tenant.id));
