import { z } from "@omnify/plugin-sdk";
import { type Ctx, fail, requireMember } from "../lib/context.ts";
import { loadScreen } from "../lib/screens.ts";
import { storageKey } from "../screens/create.types.ts";
import { type CreativeRow, creativeColumns, toCreative } from "./rows.ts";
import { validateCreative } from "./validate.ts";

const input = z.strictObject({
  screenId: z.uuid(),
  key: storageKey,
  name: z.string().trim().min(1).max(100),
});

/**
 * An advertiser adds an uploaded file as a creative for a screen. It waits for the screen
 * owner's review (`creatives.review`) before it can play.
 */
export const createCreative = {
  input,
  handler: async (i: z.output<typeof input>, ctx: Ctx) => {
    const member = requireMember(ctx);
    const screen = await loadScreen(ctx, i.screenId);
    if (screen.status !== "approved")
      fail("not_bookable", `screenId: '${screen.name}' is not open for bookings yet`);
    const object = await ctx.storage.stat(i.key);
    if (!object) fail("invalid_creative", `key: no uploaded file '${i.key}'`);
    const durationMs = validateCreative(ctx, screen, object);
    const [row] = await ctx.db.query<CreativeRow>(
      `insert into creatives (tenant_id, screen_id, advertiser_user_id, name, storage_key,
         content_type, size_bytes, sha256, width, height, duration_ms)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       returning ${creativeColumns("creatives")}`,
      [
        ctx.tenant.id,
        screen.id,
        member.userId,
        i.name,
        object.key,
        object.contentType,
        object.size,
        object.sha256,
        object.width,
        object.height,
        durationMs,
      ],
    );
    if (!row) fail("internal", "the creative was not stored");
    return { creative: { ...toCreative(row), url: await ctx.storage.url(row.storage_key) } };
  },
};
