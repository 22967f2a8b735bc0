import { z } from "zod";

export const ZCreateHandoffInput = z.object({ subaccountId: z.uuid() });
export const ZCreateHandoffOutput = z.object({ url: z.url() });
