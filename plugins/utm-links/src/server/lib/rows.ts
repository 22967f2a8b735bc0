/** A link as the procedures return it (snake_case columns → the API's camelCase). */
export type Link = {
  id: string;
  slug: string;
  destination: string;
  taggedUrl: string;
  shortUrl: string | null;
  utm: {
    source: string;
    medium: string;
    campaign: string;
    term: string | null;
    content: string | null;
  };
  createdAt: string;
  clicks?: number;
};

export type LinkRow = {
  id: string;
  slug: string;
  destination: string;
  tagged_url: string;
  short_url: string | null;
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  utm_term: string | null;
  utm_content: string | null;
  created_at: string;
  clicks?: number | string;
};

export const LINK_COLUMNS =
  "id, slug, destination, tagged_url, short_url, utm_source, utm_medium, utm_campaign, utm_term, utm_content, created_at";

export function toLink(r: LinkRow): Link {
  const link: Link = {
    id: r.id,
    slug: r.slug,
    destination: r.destination,
    taggedUrl: r.tagged_url,
    shortUrl: r.short_url,
    utm: {
      source: r.utm_source,
      medium: r.utm_medium,
      campaign: r.utm_campaign,
      term: r.utm_term,
      content: r.utm_content,
    },
    createdAt: r.created_at,
  };
  if (r.clicks !== undefined) link.clicks = Number(r.clicks);
  return link;
}
