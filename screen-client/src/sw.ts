/// <reference lib="webworker" />
import {
  MEDIA_CACHE,
  MEDIA_PATH,
  type PrefetchProgress,
  type PrefetchRequest,
  SHELL_CACHE,
  type ShellRequest,
} from "./sw-protocol";

declare const self: ServiceWorkerGlobalScope;

const CHUNK = 2 * 1024 * 1024;

self.addEventListener("install", () => {
  void self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Versioning: a new worker drops caches of older cache schemes.
      const keep = new Set([SHELL_CACHE, MEDIA_CACHE]);
      for (const name of await caches.keys()) if (!keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/**
 * Downloads `url` in ranged chunks, retrying a failed chunk from where it stopped, so a flaky
 * link does not restart a large video from zero. Servers that ignore Range get one request.
 */
async function download(url: string): Promise<Response> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  let total: number | null = null;
  let contentType = "application/octet-stream";
  let attempts = 0;
  while (total === null || offset < total) {
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { range: `bytes=${offset}-${offset + CHUNK - 1}` },
        cache: "no-store",
      });
    } catch (error) {
      if (++attempts > 5) throw error;
      await new Promise((r) => setTimeout(r, 500 * attempts));
      continue;
    }
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    contentType = res.headers.get("content-type") ?? contentType;
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (res.status === 200) {
      parts.length = 0;
      parts.push(bytes);
      offset = total = bytes.byteLength;
      break;
    }
    const range = /\/(\d+)$/.exec(res.headers.get("content-range") ?? "");
    total = range?.[1] ? Number(range[1]) : offset + bytes.byteLength;
    parts.push(bytes);
    offset += bytes.byteLength;
    attempts = 0;
    if (bytes.byteLength === 0) break;
  }
  return new Response(new Blob(parts as BlobPart[], { type: contentType }), {
    status: 200,
    headers: { "content-type": contentType, "content-length": String(offset) },
  });
}

async function prefetch(req: PrefetchRequest, port: MessagePort | undefined) {
  const cache = await caches.open(MEDIA_CACHE);
  const failed: string[] = [];
  let done = 0;
  const report = () =>
    port?.postMessage({
      type: "progress",
      done,
      total: req.urls.length,
      failed,
    } satisfies PrefetchProgress);
  for (const url of req.urls) {
    const absolute = new URL(url, self.location.origin).href;
    try {
      if (!(await cache.match(absolute))) await cache.put(absolute, await download(absolute));
    } catch {
      failed.push(url);
    }
    done++;
    report();
  }
  if (req.prune) {
    const wanted = new Set(req.urls.map((u) => new URL(u, self.location.origin).href));
    for (const key of await cache.keys()) if (!wanted.has(key.url)) await cache.delete(key);
  }
  report();
}

self.addEventListener("message", (event) => {
  const data = event.data as PrefetchRequest | ShellRequest | undefined;
  const port = event.ports[0];
  if (data?.type === "prefetch") event.waitUntil(prefetch(data, port));
  if (data?.type === "cache-shell")
    event.waitUntil(
      caches.open(SHELL_CACHE).then(async (cache) => {
        for (const url of data.urls) {
          try {
            if (!(await cache.match(url))) await cache.add(url);
          } catch {
            // Offline at start-up: the next boot caches it.
          }
        }
        port?.postMessage({ type: "shell-cached" });
      }),
    );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(MEDIA_PATH) && !req.headers.has("range")) {
    // Cache first: media keys are content-addressed, so a cached copy is never stale.
    event.respondWith(
      caches.open(MEDIA_CACHE).then(async (cache) => {
        const hit = await cache.match(req.url);
        if (hit) return hit;
        const res = await download(req.url);
        await cache.put(req.url, res.clone());
        return res;
      }),
    );
    return;
  }
  if (!url.pathname.startsWith(self.registration.scope.replace(self.location.origin, ""))) return;
  if (req.mode === "navigate") {
    // The page: network first (a new release shows at once), the cached copy when offline.
    event.respondWith(
      fetch(req)
        .then(async (res) => {
          if (res.ok) await (await caches.open(SHELL_CACHE)).put(req, res.clone());
          return res;
        })
        .catch(async () => (await caches.match(req, { ignoreSearch: true })) ?? Response.error()),
    );
    return;
  }
  // Hashed assets: cache first.
  event.respondWith(
    caches.match(req).then(
      (hit) =>
        hit ??
        fetch(req).then(async (res) => {
          if (res.ok) await (await caches.open(SHELL_CACHE)).put(req, res.clone());
          return res;
        }),
    ),
  );
});
