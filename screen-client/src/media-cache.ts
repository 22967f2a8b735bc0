import { MEDIA_CACHE, type PrefetchProgress, SHELL_CACHE } from "./sw-protocol";

/** Registers the service worker (scope /screen) and caches the app shell for offline boots. */
export async function startServiceWorker(base: string): Promise<ServiceWorker | null> {
  if (!("serviceWorker" in navigator)) return null;
  // Next answers /screen/ with a redirect to /screen, so the worker's scope is "/screen"
  // (the server allows it with a Service-Worker-Allowed header on sw.js).
  const scope = base.replace(/\/$/, "");
  await navigator.serviceWorker.register(`${base}sw.js`, { scope, type: "module" });
  // `ready` never settles for a page outside the worker's scope: never wait on it forever.
  const registration = await Promise.race([
    navigator.serviceWorker.ready,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("service worker not ready after 5 s")), 5_000),
    ),
  ]);
  const worker = registration.active;
  const shell = [
    location.href,
    ...performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => new URL(u).pathname.startsWith(`${base}assets/`)),
  ];
  worker?.postMessage({ type: "cache-shell", urls: shell });
  return worker ?? null;
}

/**
 * Media for playback. The service worker owns the cache (prefetch, ranged resumable
 * downloads, pruning); the page reads the same Cache Storage and plays from object URLs, so
 * playback never depends on the network once a file is cached.
 */
export class MediaCache {
  private readonly objectUrls = new Map<string, string>();

  constructor(private readonly worker: () => ServiceWorker | null) {}

  /** Asks the worker to fetch every URL not yet cached and to drop what is no longer used. */
  prefetch(urls: string[], onProgress?: (p: PrefetchProgress) => void): Promise<PrefetchProgress> {
    const worker = this.worker();
    if (!worker) return this.prefetchHere(urls, onProgress);
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => {
        const progress = event.data as PrefetchProgress;
        onProgress?.(progress);
        if (progress.done === progress.total) resolve(progress);
      };
      worker.postMessage({ type: "prefetch", urls, prune: true }, [channel.port2]);
      if (urls.length === 0) resolve({ type: "progress", done: 0, total: 0, failed: [] });
    });
  }

  /** Without a service worker (e.g. an insecure origin), the page fills the cache itself. */
  private async prefetchHere(
    urls: string[],
    onProgress?: (p: PrefetchProgress) => void,
  ): Promise<PrefetchProgress> {
    const cache = await caches.open(MEDIA_CACHE);
    const failed: string[] = [];
    let done = 0;
    for (const url of urls) {
      try {
        if (!(await cache.match(url))) await cache.add(url);
      } catch {
        failed.push(url);
      }
      done++;
      onProgress?.({ type: "progress", done, total: urls.length, failed });
    }
    return { type: "progress", done, total: urls.length, failed };
  }

  /** An object URL for a cached file, or null when it is not (yet) in the cache. */
  async objectUrl(url: string): Promise<string | null> {
    const known = this.objectUrls.get(url);
    if (known) return known;
    const hit = await (await caches.open(MEDIA_CACHE)).match(new URL(url, location.href).href);
    if (!hit) return null;
    const objectUrl = URL.createObjectURL(await hit.blob());
    this.objectUrls.set(url, objectUrl);
    return objectUrl;
  }

  /** Releases object URLs of media the schedule no longer uses. */
  retain(urls: string[]): void {
    const keep = new Set(urls);
    for (const [url, objectUrl] of this.objectUrls) {
      if (keep.has(url)) continue;
      URL.revokeObjectURL(objectUrl);
      this.objectUrls.delete(url);
    }
  }
}

export const CACHE_NAMES = { SHELL_CACHE, MEDIA_CACHE };
