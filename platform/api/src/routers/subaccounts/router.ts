import { createTRPCRouter } from "../../trpc";
import { findSubaccountsRoute } from "./find-subaccounts";

export const subaccountsRouter = createTRPCRouter({ find: findSubaccountsRoute });
