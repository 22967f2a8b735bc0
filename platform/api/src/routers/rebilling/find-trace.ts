import { invoiceLineTrace } from "@omnify/core";
import { z } from "zod";
import { authorizedProcedure } from "../../trpc";
import { ZTrace } from "./rebilling.types";

/** The usage events behind one invoice line (the agency's or the client's own). */
export const findTraceRoute = authorizedProcedure("billing.read")
  .input(z.object({ lineId: z.string().max(64) }))
  .output(ZTrace)
  .query(async ({ ctx, input }) => ({ events: await invoiceLineTrace(ctx.tx, input.lineId) }));
