import { z } from "@omnify/plugin-sdk";
import { type Ctx, fail, requireManager } from "../lib/context.ts";
import { loadScreen } from "../lib/screens.ts";

const input = z.strictObject({
  screenId: z.uuid(),
  decision: z.enum(["approve", "reject", "suspend"]),
  note: z.string().trim().max(500).optional(),
});

const STATUS = { approve: "approved", reject: "rejected", suspend: "suspended" } as const;

/** An admin approves a screen (only then is it bookable), rejects or suspends it. */
export const reviewScreen = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const admin = requireManager(ctx);
    if (i.decision !== "approve" && !i.note)
      fail("invalid_input", "note: say why, so the owner can fix it");
    const rows = await ctx.db.query(
      `update screens set status = $2, review_note = $3, reviewed_by = $4, reviewed_at = now()
       where id = $1::uuid returning id`,
      [i.screenId, STATUS[i.decision], i.note ?? null, admin.userId],
    );
    if (rows.length === 0) fail("not_found", `screenId: no screen '${i.screenId}'`);
    const screen = await loadScreen(ctx, i.screenId);
    await ctx.db.query(
      `insert into alerts (tenant_id, user_id, screen_id, kind, message) values ($1, $2, $3, $4, $5)`,
      [
        ctx.tenant.id,
        screen.ownerUserId,
        screen.id,
        `screen.${screen.status}`,
        `${screen.name} was ${screen.status.replace("_", " ")}${i.note ? `: ${i.note}` : ""}`,
      ],
    );
    return { screen };
  },
};
