import { plans } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZPlansOutput } from "./billing.types";

/** The plan catalogue with limits and flags, for the billing page's comparison. */
export const findPlansRoute = authorizedProcedure("billing.read")
  .output(ZPlansOutput)
  .query(() => ({
    plans: plans.map((p) => ({
      id: p.id,
      name: p.name,
      monthlyCents: p.monthlyCents,
      purchasable: p.stripePriceId !== null,
      limits: p.limits,
      features: p.features,
    })),
  }));
