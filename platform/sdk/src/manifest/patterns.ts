/**
 * Light-weight syntax checks used inside the sandbox (no `semver` package there: the manifest
 * is validated wherever `definePlugin` runs, including the isolate). The host re-checks ranges
 * with the real `semver` package before it loads a plugin.
 */
export const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** semver.org's reference grammar. */
export const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const PARTIAL = String.raw`(?:[0-9]+|[xX*])(?:\.(?:[0-9]+|[xX*])){0,2}(?:-[0-9A-Za-z.-]+)?`;
const COMPARATOR = String.raw`(?:[<>]=?|=|\^|~)?\s*v?${PARTIAL}`;
const SET = String.raw`${COMPARATOR}(?:\s+${COMPARATOR})*|${PARTIAL}\s+-\s+${PARTIAL}|\*`;
/** `^1.0.0`, `>=1.2 <2`, `1.x || 2.x`, `1.0.0 - 1.4.0`, `*`. */
export const SEMVER_RANGE = new RegExp(String.raw`^\s*(?:${SET})(?:\s*\|\|\s*(?:${SET}))*\s*$`);
/** Names of events, meters, channels, jobs, schedules, secrets: `order.paid`, `sync-contacts`. */
export const NAME = /^[a-zA-Z][a-zA-Z0-9]*(?:[._:-][a-zA-Z0-9]+)*$/;
/** One cron field (minute precision, five fields). */
export const CRON_FIELD =
  /^(?:\*|[0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)(?:\/[0-9]+)?(?:,(?:\*|[0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)(?:\/[0-9]+)?)*$/;
/**
 * A plugin's storage key: 1–8 parts of `A-Z a-z 0-9 . _ -` joined by `/`, no part starting
 * with a dot (so no `..`, no hidden files), at most 256 characters in all.
 */
export const STORAGE_KEY =
  /^(?=.{1,256}$)[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*){0,7}$/;
