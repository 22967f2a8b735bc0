import { createTRPCRouter } from "../../trpc";
import { getOverviewRoute } from "./get-overview";

export const usageRouter = createTRPCRouter({
  overview: getOverviewRoute,
});
