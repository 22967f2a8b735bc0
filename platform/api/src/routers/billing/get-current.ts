import { currentUsage, getEntitlements, limitKeys } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZCurrentOutput } from "./billing.types";

/** The plan the workspace runs on (its agency's), its status, and usage against each limit. */
export const getCurrentRoute = authorizedProcedure("billing.read")
  .output(ZCurrentOutput)
  .query(async ({ ctx }) => {
    const ent = await getEntitlements(ctx.tx, ctx.tenant.id);
    const usage = {} as Record<(typeof limitKeys)[number], number>;
    for (const key of limitKeys) usage[key] = await currentUsage(ctx.tx, ctx.tenant.id, key);
    return {
      plan: ent.plan,
      status: ent.status,
      pastDueSince: ent.pastDueSince,
      readOnly: ent.readOnly,
      limits: ent.limits,
      features: ent.features,
      usage,
    };
  });
