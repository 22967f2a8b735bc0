import { startSubaccountHandoff } from "@omnify/core";
import { agencyStaffMemberProcedure } from "../../trpc";
import { ZCreateHandoffInput, ZCreateHandoffOutput } from "./create-handoff.types";

/**
 * Agency staff: a one-time sign-in URL for one of the agency's sub-accounts. Opens its own
 * transactions in the sub-account's tenant, so it does not run inside the agency's.
 */
export const createHandoffRoute = agencyStaffMemberProcedure
  .input(ZCreateHandoffInput)
  .output(ZCreateHandoffOutput)
  .mutation(({ ctx, input }) =>
    startSubaccountHandoff(ctx.db, {
      agency: ctx.tenant,
      subaccountId: input.subaccountId,
      userId: ctx.user.id,
      config: ctx.config,
      request: { ip: ctx.ip, userAgent: ctx.userAgent },
    }),
  );
