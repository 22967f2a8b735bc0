import type { Ctx } from "./context.ts";

export const SHORTENER_URL = "https://api.short.io/links";

/**
 * Shortens a URL with short.io. The API key is only ever named: the host injects it as the
 * `authorization` header (short.io wants the bare key, hence `scheme: ""`), so its value
 * never enters this isolate. A failure is a warning, not a lost link.
 */
export async function shorten(
  ctx: Ctx,
  url: string,
): Promise<{ shortUrl: string | null; warning?: string }> {
  if (!ctx.settings.shortDomain)
    return { shortUrl: null, warning: "set shortDomain to shorten links" };
  try {
    const res = await ctx.fetch(SHORTENER_URL, {
      method: "POST",
      auth: { secret: "shortenerApiKey", header: "authorization", scheme: "" },
      json: { domain: ctx.settings.shortDomain, originalURL: url },
      timeoutMs: 3000,
    });
    const body = res.ok ? await res.json<{ shortURL?: unknown }>() : {};
    if (typeof body.shortURL === "string") return { shortUrl: body.shortURL };
    return { shortUrl: null, warning: `shortener answered ${res.status}` };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    ctx.log.warn("shortening failed", { code: err.code });
    return { shortUrl: null, warning: `shortener unavailable (${err.code ?? "error"})` };
  }
}
