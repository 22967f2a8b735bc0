import { listEnabledPluginUi } from "@omnify/core";
import { tenantProcedure } from "../../trpc";
import { ZEnabledUiOutput } from "./enabled-ui.types";

/** Any member: the federated UI of ENABLED installations, pinned to version and hashes. */
export const enabledUiRoute = tenantProcedure
  .output(ZEnabledUiOutput)
  .query(({ ctx }) => listEnabledPluginUi(ctx.tx, ctx.tenant.id));
