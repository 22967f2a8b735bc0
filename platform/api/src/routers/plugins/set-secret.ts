import { setPluginSecret } from "@omnify/core";
import { adminMemberProcedure } from "../../trpc";
import { ZSetSecretInput, ZSetSecretOutput } from "./settings.types";

/** Owners and admins: stores a declared secret, encrypted; write-only, nothing reads it back. */
export const setSecretRoute = adminMemberProcedure
  .input(ZSetSecretInput)
  .output(ZSetSecretOutput)
  .mutation(({ ctx, input }) =>
    setPluginSecret(ctx.db, {
      ...input,
      tenantId: ctx.tenant.id,
      actor: { userId: ctx.user.id, role: ctx.role },
      omnifySecret: ctx.config.omnifySecret,
    }),
  );
