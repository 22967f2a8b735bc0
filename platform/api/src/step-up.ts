import { DomainError, isRecentlyAuthenticated } from "@omnify/core";
import { TRPCError } from "@trpc/server";
import { toTrpcError } from "./errors";

/** `error.data.field` of a step-up refusal: clients open the StepUpDialog on it. */
export const STEP_UP_FIELD = "stepUp";
export const STEP_UP_MESSAGE = "Confirm it's you to continue";

/**
 * Throws unless the request's session confirmed a password or TOTP code recently
 * (`account.reauthenticate`, or a password sign-in). Reads `ctx.session`, which every
 * signed-in procedure builder provides.
 */
export function assertRecentAuth(ctx: object, now = new Date()): void {
  const session = (ctx as { session?: { reauthenticatedAt?: Date | null } }).session;
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  if (!isRecentlyAuthenticated(session, now)) {
    throw toTrpcError(new DomainError("FORBIDDEN", STEP_UP_MESSAGE, STEP_UP_FIELD));
  }
}
