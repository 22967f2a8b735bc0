import { z } from "@omnify/plugin-sdk";
import { type Ctx, requireMember } from "../lib/context.ts";

/** Who the page is for: the UI shows the admin tab only to members who may manage. */
export const me = {
  input: z.strictObject({}).optional(),
  handler: async (_: unknown, ctx: Ctx) => {
    const m = requireMember(ctx);
    const [owns] = await ctx.db.query<{ screens: number }>(
      "select count(*)::int as screens from screens where owner_user_id = $1",
      [m.userId],
    );
    return { userId: m.userId, canManage: m.canManage, ownsScreens: owns?.screens ?? 0 };
  },
};
