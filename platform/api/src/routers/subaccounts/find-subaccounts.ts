import { listSubaccounts } from "@omnify/core";
import { agencyStaffProcedure } from "../../trpc";
import { ZFindSubaccountsOutput } from "./find-subaccounts.types";

/** Agency staff: the agency's sub-accounts with their portal URLs. */
export const findSubaccountsRoute = agencyStaffProcedure
  .output(ZFindSubaccountsOutput)
  .query(async ({ ctx }) => ({
    items: await listSubaccounts(ctx.tx, ctx.tenant, ctx.config, ctx.actor.restrictedTo),
  }));
