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

/** The select list for a link; `created_at` as ISO 8601 (JSON's rendering of timestamptz). */
export const linkColumns = (alias = "") => {
  const a = alias ? `${alias}.` : "";
  return `${a}id, ${a}slug, ${a}destination, ${a}tagged_url, ${a}short_url, ${a}utm_source, ${a}utm_medium, ${a}utm_campaign, ${a}utm_term, ${a}utm_content, to_json(${a}created_at) #>> '{}' as created_at`;
};

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
