import { z } from "@omnify/plugin-sdk";
import type { Ctx } from "../lib/context.ts";

const memberJoined = z.object({ userId: z.string().optional(), role: z.string().optional() });

/** Core's `member.joined`: nothing to store, but the log line shows the subscription works. */
export async function onMemberJoined(payload: unknown, ctx: Ctx) {
  const member = memberJoined.safeParse(payload);
  ctx.log.info("member joined", member.success ? member.data : { unparsed: true });
}
