import { assertSubaccount, listTransfers } from "@omnify/core";
import { adminProcedure } from "../../trpc";
import { ZFindExportsOutput } from "./exports.types";

/** Owners and admins of a sub-account: recent exports and imports with their progress. */
export const findExportsRoute = adminProcedure.output(ZFindExportsOutput).query(async ({ ctx }) => {
  assertSubaccount(ctx.tenant);
  return { items: await listTransfers(ctx.tx) };
});
