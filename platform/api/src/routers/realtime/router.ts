import { createTRPCRouter } from "../../trpc";
import { realtimeTokenRoute } from "./get-token";

export const realtimeRouter = createTRPCRouter({ token: realtimeTokenRoute });
