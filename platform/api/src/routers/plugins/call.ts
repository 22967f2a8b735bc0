import { authorize } from "@omnify/core";
import type { RuntimeError } from "@omnify/plugin-runtime/client";
import { TRPCError } from "@trpc/server";
import { memberProcedure } from "../../trpc";
import { ZCallInput, ZCallOutput } from "./call.types";

const CODES: Record<string, TRPCError["code"]> = {
  not_enabled: "NOT_FOUND",
  plugin_error: "BAD_REQUEST",
  bad_request: "BAD_REQUEST",
  timeout: "TIMEOUT",
  result_too_large: "PAYLOAD_TOO_LARGE",
};

function toTrpc(error: RuntimeError): TRPCError {
  // Only the plugin's own messages are meant for people; host failures stay generic.
  const own = error.code === "plugin_error" || error.code === "not_enabled";
  return new TRPCError({
    code: CODES[error.code] ?? "INTERNAL_SERVER_ERROR",
    message: own ? error.message : `Plugin call failed (${error.code})`,
  });
}

/**
 * Any member: runs one of the plugin's procedures in the runtime service, for this host's
 * tenant. A mutation, since a procedure may have effects. The runtime refuses it unless the
 * installation is enabled; the web process never runs plugin code itself.
 */
export const callRoute = memberProcedure
  .input(ZCallInput)
  .output(ZCallOutput)
  .mutation(async ({ ctx, input }) => {
    if (!ctx.pluginRuntime)
      throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Plugins are not running" });
    const result = await ctx.pluginRuntime.invoke({
      tenantId: ctx.tenant.id,
      pluginId: input.pluginId,
      kind: "procedure",
      name: input.procedure,
      input: input.input,
      // ctx.caller: who asked, from the session; canManage = may configure plugins.
      caller: {
        kind: "member",
        userId: ctx.actor.userId,
        role: ctx.actor.role,
        canManage: authorize(ctx.actor, "plugins.configure", { tenant: ctx.tenant }).allowed,
      },
    });
    if (!result.ok) throw toTrpc(result.error);
    return result.value;
  });
