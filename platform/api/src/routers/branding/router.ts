import { createTRPCRouter } from "../../trpc";
import { getBrandingRoute } from "./get-branding";

export const brandingRouter = createTRPCRouter({ get: getBrandingRoute });
