import type { HostApiHandler, HostCallContext } from "@omnify/plugin-host";
import type { BridgeFetchArgs, BridgeFetchResult } from "../bridge.ts";
import type { PluginDescriptor } from "../define-plugin.ts";

/** `{ "https://api.short.io": "http://127.0.0.1:54321" }`: a real origin → a local fake. */
export type UpstreamMap = Record<string, string>;

const origin = (raw: string) => new URL(raw).origin;

/**
 * Lets a test answer a third-party API from a local fake server without touching the
 * plugin's code or manifest. The request still goes through the production `fetch` host API
 * (allow-list, methods, declared secrets, injection, redaction, caps): the URL and the
 * manifest's allow-list rules for that origin are both rewritten to the fake's origin, so
 * every rule applies exactly as written, then the response URL is mapped back.
 */
export function routeUpstreams(inner: HostApiHandler, upstreams: UpstreamMap): HostApiHandler {
  const map = new Map(Object.entries(upstreams).map(([from, to]) => [origin(from), origin(to)]));
  const back = new Map([...map].map(([from, to]) => [to, from]));
  const rewritten = new WeakMap<PluginDescriptor, PluginDescriptor>();
  const rewriteManifest = (m: PluginDescriptor): PluginDescriptor => {
    let r = rewritten.get(m);
    if (!r) {
      const allow = (m.capabilities.http?.allow ?? []).map((rule) => {
        for (const [from, to] of map)
          if (rule.url.startsWith(`${from}/`) || rule.url === from)
            return { ...rule, url: to + rule.url.slice(from.length) };
        return rule;
      });
      r = { ...m, capabilities: { ...m.capabilities, http: { allow } } };
      rewritten.set(m, r);
    }
    return r;
  };
  const swap = (raw: string, table: Map<string, string>) => {
    try {
      const url = new URL(raw);
      const to = table.get(url.origin);
      return to ? to + raw.slice(url.origin.length) : raw;
    } catch {
      return raw;
    }
  };
  return async (ctx: HostCallContext, method: string, args: unknown) => {
    const a = args as Partial<BridgeFetchArgs> | null;
    if (method !== "fetch" || typeof a?.url !== "string" || !ctx.manifest.capabilities.http)
      return inner(ctx, method, args);
    const url = swap(a.url, map);
    if (url === a.url) return inner(ctx, method, args);
    const result = (await inner({ ...ctx, manifest: rewriteManifest(ctx.manifest) }, method, {
      ...a,
      url,
    })) as BridgeFetchResult;
    return { ...result, url: swap(result.url, back) };
  };
}
