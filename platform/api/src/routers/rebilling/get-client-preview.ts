import { previewInvoiceForClient } from "@omnify/core";
import { adminMemberProcedure } from "../../trpc";
import { ZPreview, ZSubaccountInput } from "./rebilling.types";

/** Agency admins: one client's upcoming invoice, read in that client's own transaction. */
export const getClientPreviewRoute = adminMemberProcedure
  .input(ZSubaccountInput)
  .output(ZPreview)
  .query(({ ctx, input }) => previewInvoiceForClient(ctx.db, ctx.tenant.id, input.subaccountId));
