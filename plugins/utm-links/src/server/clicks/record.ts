import { type Ctx, fail } from "../lib/context.ts";
import { type RecordClickInput, recordClickInput } from "./record.types.ts";

type Inserted = { link_id: string; occurred_at: string };

/**
 * Counts one click, idempotently by `clickId`: the primary key (tenant_id, click_id) makes a
 * repeated delivery a no-op, and the meter's idempotency key makes it free even if the
 * insert raced. Publishes to the `clicks` channel so open dashboards update live.
 */
export const recordClick = {
  input: recordClickInput,
  handler: async (input: RecordClickInput, ctx: Ctx) => {
    const [row] = await ctx.db.query<Inserted>(
      `insert into clicks (tenant_id, click_id, link_id, occurred_at, referrer)
       select $1::uuid, $2::text, l.id, coalesce($4::timestamptz, now()), $5 from links l where l.slug = $3
       on conflict (tenant_id, click_id) do nothing
       returning link_id, occurred_at`,
      [ctx.tenant.id, input.clickId, input.slug, input.occurredAt ?? null, input.referrer ?? null],
    );
    if (!row) {
      const [link] = await ctx.db.query("select 1 from links where slug = $1", [input.slug]);
      if (!link) fail("not_found", `input.slug: no link '${input.slug}'`);
      return { recorded: false, duplicate: true };
    }
    await ctx.meter("utm-links.clicks", 1, `click:${input.clickId}`);
    const [count] = await ctx.db.query<{ clicks: number }>(
      "select count(*)::int as clicks from clicks where link_id = $1",
      [row.link_id],
    );
    await ctx.realtime.publish("clicks", {
      slug: input.slug,
      linkId: row.link_id,
      occurredAt: row.occurred_at,
      total: count?.clicks ?? 0,
    });
    return { recorded: true, duplicate: false };
  },
};
