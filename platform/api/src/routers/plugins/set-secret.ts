import { setPluginSecret } from "@omnify/core";
import { authorizedMemberProcedure } from "../../trpc";
import { ZSetSecretInput, ZSetSecretOutput } from "./settings.types";

/** `plugins.configure`: stores a declared secret, encrypted; write-only, nothing reads it back. */
export const setSecretRoute = authorizedMemberProcedure("plugins.configure")
  .input(ZSetSecretInput)
  .output(ZSetSecretOutput)
  .mutation(({ ctx, input }) =>
    setPluginSecret(ctx.db, {
      ...input,
      tenantId: ctx.tenant.id,
      actor: ctx.actor,
      omnifySecret: ctx.config.omnifySecret,
    }),
  );
