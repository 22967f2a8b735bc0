import { listApiKeys, scopeModules } from "@omnify/core";
import { adminProcedure } from "../../trpc";
import { ZFindApiKeysOutput } from "./api-keys.types";

/** Owners and admins: the workspace's API keys (never their secrets). */
export const findApiKeysRoute = adminProcedure
  .output(ZFindApiKeysOutput)
  .query(async ({ ctx }) => ({
    keys: await listApiKeys(ctx.tx),
    modules: await scopeModules(ctx.tx),
  }));
