import type { ModuleFederationRuntimePlugin } from "@module-federation/enhanced/runtime";
import type { EnabledUiEntry } from "@omnify/plugin-sdk/ui";
import { assertPinned, PluginIntegrityError, pinnedHashFor, sriFromHex } from "./integrity";

/** What the plugin needs to know about the remotes registered on this page. */
export type PinRegistry = {
  byName(remoteName: string): EnabledUiEntry | undefined;
  byUrl(url: string): EnabledUiEntry | undefined;
  /** Remembers why a remote was refused, so the slot can show that instead of MF's wrapper error. */
  refuse(remoteName: string | undefined, error: Error): never;
};

/** sha256 of the empty string: a well-formed integrity no remote file can match. */
const NEVER_MATCHES = "sha256-47DEQpj8HBSa+/TAW64XvP3YhLiIg2bRvEOXbWGjSfU=";

async function fetchVerified(url: string, entry: EnabledUiEntry, origin: string) {
  const expected = pinnedHashFor(url, entry, origin);
  const res = await fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new PluginIntegrityError(`${url} answered HTTP ${res.status}`);
  const bytes = await res.arrayBuffer();
  await assertPinned(url, bytes, expected);
  return { res, bytes };
}

/**
 * Module federation has no integrity checks of its own (design brief §4), so every file it
 * loads is checked against the sha256 the catalog pinned for that plugin version:
 * - `fetch` (the mf-manifest.json): fetched, hashed with WebCrypto, refused on mismatch.
 * - `loadEntry` (remoteEntry.js): fetched and hashed the same way BEFORE anything runs; the
 *   default loader then injects it through `createScript`.
 * - `createScript`: every script gets `integrity="sha256-…"` from the pinned hashes, so the
 *   browser re-verifies the bytes it actually executes (no check-then-use gap, and no blob:
 *   or eval needed under the CSP). Unpinned URLs get an integrity nothing can match.
 * Chunks the remote loads itself carry SRI hashes compiled into the verified entry
 * (`omnify-plugin build` turns on rspack's SubresourceIntegrityPlugin).
 */
export function pinnedAssetsPlugin(
  registry: PinRegistry,
  origin: string,
): ModuleFederationRuntimePlugin {
  const entryFor = (url: string, remoteName?: string) => {
    const entry = (remoteName && registry.byName(remoteName)) || registry.byUrl(url);
    if (!entry)
      registry.refuse(remoteName, new PluginIntegrityError(`refused ${url} (no enabled plugin)`));
    return entry;
  };
  return {
    name: "omnify-pinned-assets",
    async fetch(url, _init, remoteInfo) {
      const entry = entryFor(url, remoteInfo?.name);
      try {
        const { res, bytes } = await fetchVerified(url, entry, origin);
        return new Response(bytes, { status: res.status, headers: res.headers });
      } catch (e) {
        return registry.refuse(entry.remoteName, e as Error);
      }
    },
    async loadEntry({ remoteInfo }) {
      const entry = entryFor(remoteInfo.entry, remoteInfo.name);
      try {
        await fetchVerified(remoteInfo.entry, entry, origin);
      } catch (e) {
        registry.refuse(entry.remoteName, e as Error);
      }
      // Verified: let the default loader inject the script (with SRI, below).
      return undefined;
    },
    createScript({ url, remoteInfo }) {
      const script = document.createElement("script");
      script.src = url;
      script.crossOrigin = "anonymous";
      const entry = (remoteInfo && registry.byName(remoteInfo.name)) || registry.byUrl(url);
      try {
        if (!entry) throw new PluginIntegrityError(`refused ${url} (no enabled plugin)`);
        script.integrity = sriFromHex(pinnedHashFor(url, entry, origin));
      } catch {
        script.integrity = NEVER_MATCHES;
      }
      return script;
    },
  };
}
