/** Messages between the player page and its service worker. */
export const SHELL_CACHE = "omnify-screen-shell-v1";
export const MEDIA_CACHE = "omnify-screen-media-v1";
/** Media is served by the web app from content-addressed keys, so a URL never changes meaning. */
export const MEDIA_PATH = "/api/plugin-files/";

export type PrefetchRequest = { type: "prefetch"; urls: string[]; prune: boolean };
export type ShellRequest = { type: "cache-shell"; urls: string[] };
export type PrefetchProgress = { type: "progress"; done: number; total: number; failed: string[] };
