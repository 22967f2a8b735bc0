import { transferKinds, transferStatuses } from "@omnify/db";
import { z } from "zod";

export const ZTransfer = z.object({
  id: z.uuid(),
  kind: z.enum(transferKinds),
  status: z.enum(transferStatuses),
  progress: z.number().int(),
  message: z.string(),
  bytes: z.number().nullable(),
  error: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
});
export const ZFindExportsOutput = z.object({ items: z.array(ZTransfer) });
