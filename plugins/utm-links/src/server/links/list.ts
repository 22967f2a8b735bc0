import { z } from "@omnify/plugin-sdk";
import type { Ctx } from "../lib/context.ts";
import { type LinkRow, linkColumns, toLink } from "../lib/rows.ts";

export const listLinksInput = z
  .strictObject({
    campaign: z.string().trim().max(100).optional(),
    limit: z.number().int().min(1).max(100).default(50),
  })
  .default({ limit: 50 });

/** The tenant's newest links with their click counts (RLS keeps other tenants' rows out). */
export const listLinks = {
  input: listLinksInput,
  handler: async (input: z.output<typeof listLinksInput>, ctx: Ctx) => {
    const rows = await ctx.db.query<LinkRow>(
      `select ${linkColumns("l")},
         (select count(*) from clicks c where c.link_id = l.id)::int as clicks
       from links l
       where ($1::text is null or l.utm_campaign = $1)
       order by l.created_at desc, l.slug
       limit $2`,
      [input.campaign ?? null, input.limit],
    );
    return { links: rows.map(toLink) };
  },
};
