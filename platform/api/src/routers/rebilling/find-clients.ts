import { listRebilledClients } from "@omnify/core";
import { z } from "zod";
import { adminMemberProcedure } from "../../trpc";
import { ZClient } from "./rebilling.types";

/** Agency admins: every sub-account with its plan, cap and month-to-date spend. */
export const findClientsRoute = adminMemberProcedure
  .output(z.object({ clients: z.array(ZClient) }))
  .query(async ({ ctx }) => ({ clients: await listRebilledClients(ctx.db, ctx.tenant) }));
