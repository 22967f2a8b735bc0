import type { EnabledUiEntry } from "@omnify/plugin-sdk/ui";

/** A federated file did not match the hash pinned in the catalog, or was not pinned at all. */
export class PluginIntegrityError extends Error {
  override name = "PluginIntegrityError";
}

const PREFIX = "/_plugins/";

/** Hex sha256 of some bytes with WebCrypto (browser and Node alike). */
export async function sha256Hex(data: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", data as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** `sha256-<base64>`, the form a `<script integrity>` attribute takes, from a hex digest. */
export function sriFromHex(hex: string): string {
  const bytes = hex.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? [];
  return `sha256-${btoa(String.fromCharCode(...bytes))}`;
}

/** The asset base of one plugin version: `/_plugins/<id>/<version>/`. */
export const assetBase = (entry: Pick<EnabledUiEntry, "pluginId" | "version">) =>
  `${PREFIX}${encodeURIComponent(entry.pluginId)}/${encodeURIComponent(entry.version)}/`;

/**
 * The pinned sha256 for a URL the federation runtime is about to load, or an error saying
 * why it may not be loaded: another origin, outside this plugin version's folder, or a file
 * the build record does not list.
 */
export function pinnedHashFor(url: string, entry: EnabledUiEntry, origin: string): string {
  const parsed = new URL(url, origin);
  if (parsed.origin !== origin) {
    throw new PluginIntegrityError(`${entry.name}: refused ${parsed.href} (not this origin)`);
  }
  const base = assetBase(entry);
  if (!parsed.pathname.startsWith(base)) {
    throw new PluginIntegrityError(`${entry.name}: refused ${parsed.pathname} (outside ${base})`);
  }
  const file = decodeURIComponent(parsed.pathname.slice(base.length));
  const hash = entry.files[file];
  if (!hash) {
    throw new PluginIntegrityError(`${entry.name}: refused ${file} (not in the pinned build)`);
  }
  return hash;
}

/** Throws unless `bytes` hash to `expected`; the message names the file and both hashes. */
export async function assertPinned(
  url: string,
  bytes: ArrayBuffer | Uint8Array,
  expected: string,
): Promise<void> {
  const actual = await sha256Hex(bytes);
  if (actual !== expected) {
    throw new PluginIntegrityError(
      `integrity check failed for ${url}: sha256 ${actual.slice(0, 12)}…, pinned ${expected.slice(0, 12)}…`,
    );
  }
}
