import { type Ctx, fail } from "../lib/context.ts";
import { type LinkRow, linkColumns, toLink } from "../lib/rows.ts";
import { shorten } from "../lib/shorten.ts";
import { slugFor, tagUrl } from "../lib/utm.ts";
import { type CreateLinkInput, createLinkInput } from "./create.types.ts";

/** Builds the tagged URL, optionally shortens it, stores it, meters it, announces it. */
export const createLink = {
  input: createLinkInput,
  handler: async (input: CreateLinkInput, ctx: Ctx) => {
    const source = input.source ?? ctx.settings.defaultSource;
    if (!source) fail("invalid_input", "input.source: required when no defaultSource is set");
    const utm = {
      source,
      medium: input.medium ?? ctx.settings.defaultMedium,
      campaign: input.campaign,
      term: input.term,
      content: input.content,
    };
    const taggedUrl = tagUrl(input.destination, utm);
    const short = ctx.settings.shortenLinks ? await shorten(ctx, taggedUrl) : { shortUrl: null };
    const [row] = await ctx.db.query<LinkRow>(
      `insert into links (tenant_id, slug, destination, tagged_url, short_url,
         utm_source, utm_medium, utm_campaign, utm_term, utm_content)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (tenant_id, slug) do nothing
       returning ${linkColumns()}`,
      [
        ctx.tenant.id,
        input.slug ?? slugFor(input.campaign),
        input.destination,
        taggedUrl,
        short.shortUrl,
        utm.source,
        utm.medium,
        utm.campaign,
        utm.term ?? null,
        utm.content ?? null,
      ],
    );
    if (!row) fail("conflict", `input.slug: '${input.slug}' is already used by another link`);
    const link = toLink(row);
    // Keyed by the link id: a retried call that reaches here again is not billed twice.
    await ctx.meter("utm-links.links", 1, `link:${link.id}`);
    await ctx.events.emit("utm-links.link.created", {
      id: link.id,
      slug: link.slug,
      campaign: link.utm.campaign,
      taggedUrl: link.taggedUrl,
    });
    return "warning" in short ? { link, warning: short.warning } : { link };
  },
};
