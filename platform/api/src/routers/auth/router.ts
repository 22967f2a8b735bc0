import { createTRPCRouter } from "../../trpc";
import { createHandoffRoute } from "./create-handoff";

export const authRouter = createTRPCRouter({ createHandoff: createHandoffRoute });
