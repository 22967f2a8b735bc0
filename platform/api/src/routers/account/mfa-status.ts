import { getMfaStatus, isMfaRequired } from "@omnify/core";
import { enrolmentProcedure } from "../../trpc";
import { ZMfaStatusOutput } from "./mfa.types";

/** The signed-in user's MFA state, and whether this tenant requires it. */
export const mfaStatusRoute = enrolmentProcedure
  .output(ZMfaStatusOutput)
  .query(async ({ ctx }) => ({
    ...(await getMfaStatus(ctx.tx, ctx.user.id)),
    required: await isMfaRequired(ctx.tx, ctx.tenant),
  }));
