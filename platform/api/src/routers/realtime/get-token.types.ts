import { z } from "zod";

export const ZRealtimeTokenOutput = z.object({ token: z.string(), url: z.string() });
