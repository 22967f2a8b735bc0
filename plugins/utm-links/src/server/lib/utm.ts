import { z } from "@omnify/plugin-sdk";

/*
 * The sandbox is plain V8: no `URL` or `URLSearchParams` (so no `z.url()` either, which
 * calls `new URL`). A strict pattern is enough for what a campaign link may point at.
 */
const HTTP_URL =
  /^(https?):\/\/((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}|localhost)(:\d{1,5})?([/?#][^\s]*)?$/i;

export const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .regex(HTTP_URL, "must be an http(s) URL like 'https://example.com/page'");

/** A UTM value: what shows up in analytics, so short and printable. */
export const utmValue = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100)
  .regex(/^[^\p{Cc}]+$/u, "must not contain control characters");

export type Utm = {
  source: string;
  medium: string;
  campaign: string;
  term?: string | undefined;
  content?: string | undefined;
};

/** Appends utm_* parameters (replacing any already there) and keeps the #fragment last. */
export function tagUrl(destination: string, utm: Utm): string {
  const hashAt = destination.indexOf("#");
  const fragment = hashAt >= 0 ? destination.slice(hashAt) : "";
  const base = hashAt >= 0 ? destination.slice(0, hashAt) : destination;
  const [path = "", query = ""] = base.split(/\?(.*)/s);
  const kept = query.split("&").filter((p) => p !== "" && !/^utm_[a-z]+=/i.test(p));
  const pairs = Object.entries(utm)
    .filter((e): e is [string, string] => typeof e[1] === "string")
    .map(([k, v]) => `utm_${k}=${encodeURIComponent(v)}`);
  return `${path}?${[...kept, ...pairs].join("&")}${fragment}`;
}

/** `Spring Sale 2025!` → `spring-sale-2025`, plus a short random suffix so slugs rarely clash. */
export function slugFor(campaign: string): string {
  const base = campaign
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  const suffix = Math.random().toString(36).slice(2, 6).padEnd(4, "0");
  return base ? `${base}-${suffix}` : suffix;
}

export const slug = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and dashes");
