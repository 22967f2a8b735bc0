import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
};

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built Storybook from `root` on 127.0.0.1 and a free port. A real
 * HTTP origin is needed because Storybook loads ES modules, which file:// blocks.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  if (!existsSync(join(root, "iframe.html"))) {
    throw new Error(
      `No built Storybook at ${root} (iframe.html missing). ` +
        "Build it first: npm run build-storybook -w @omnify/ui",
    );
  }
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    // Chromium always asks for /favicon.ico; Storybook ships only an SVG icon, and the
    // resulting 404 would show up as a console error in every test.
    if (pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
    // Refuse anything that normalises outside the served folder (../ tricks).
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end("Not found");
      return;
    }
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
    });
    res.end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}
