import type { PluginDescriptor } from "@omnify/plugin-sdk";
import picomatch from "picomatch";

type Rule = {
  protocol: string;
  host: (h: string) => boolean;
  port: string;
  path: (p: string) => boolean;
  methods: Set<string>;
};
const DEFAULT_PORT: Record<string, string> = { "http:": "80", "https:": "443" };
const compiled = new WeakMap<PluginDescriptor, Rule[]>();

/**
 * `https://*.example.com:8443/v1/**`. Host globs match per label (`*` is one label, `**` any
 * number), because dots are turned into path separators before matching; paths are globbed
 * with picomatch against the parsed, normalised pathname (so `/v1/../admin` is `/admin`).
 */
function compile(pattern: string, methods: readonly string[]): Rule {
  const m = /^(https?):\/\/([^/:]+)(?::(\d+|\*))?(\/.*)?$/.exec(pattern);
  if (!m) throw new Error(`invalid allow-list pattern '${pattern}'`);
  const [, scheme = "", host = "", port, path = "/**"] = m;
  const hostGlob = picomatch(host.split(".").join("/"));
  return {
    protocol: `${scheme}:`,
    host: (h) => hostGlob(h.split(".").join("/")),
    port: port ?? DEFAULT_PORT[`${scheme}:`] ?? "",
    path: picomatch(path, { dot: true }),
    methods: new Set(methods),
  };
}

function rulesOf(manifest: PluginDescriptor): Rule[] {
  let rules = compiled.get(manifest);
  if (!rules) {
    rules = (manifest.capabilities.http?.allow ?? []).map((r) => compile(r.url, r.methods));
    compiled.set(manifest, rules);
  }
  return rules;
}

/** Whether the manifest's `capabilities.http.allow` lets `method` reach `url`. */
export function isAllowed(manifest: PluginDescriptor, url: URL, method: string): boolean {
  const port = url.port || DEFAULT_PORT[url.protocol] || "";
  return rulesOf(manifest).some(
    (r) =>
      r.protocol === url.protocol &&
      (r.port === "*" || r.port === port) &&
      r.host(url.hostname) &&
      r.path(url.pathname) &&
      r.methods.has(method),
  );
}
