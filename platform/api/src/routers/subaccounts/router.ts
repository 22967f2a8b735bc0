import { createTRPCRouter } from "../../trpc";
import { createSubaccountRoute } from "./create-subaccount";
import { findSubaccountsRoute } from "./find-subaccounts";

export const subaccountsRouter = createTRPCRouter({
  find: findSubaccountsRoute,
  create: createSubaccountRoute,
});
