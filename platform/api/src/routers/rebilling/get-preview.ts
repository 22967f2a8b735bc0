import { previewClientInvoice } from "@omnify/core";
import { authorizedProcedure } from "../../trpc";
import { ZPreview } from "./rebilling.types";

/** A client: its upcoming invoice for this month, live, with each line's events. */
export const getPreviewRoute = authorizedProcedure("billing.read")
  .output(ZPreview)
  .query(({ ctx }) => previewClientInvoice(ctx.tx));
