import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { EnabledUiEntry } from "@omnify/plugin-sdk/ui";
import { build } from "esbuild";
import { contentSecurityPolicy } from "../../src/plugins-ui/csp";

/**
 * A tiny origin for the loader harness: the page (with the portal's CSP), the bundled host
 * code, and `/_plugins/<id>/<version>/…` straight from a built plugin's dist/ —
 * `tamper(file, bytes)` may rewrite what is served, to prove the browser side refuses it.
 */
export async function startHarness(opts: {
  distDir: string;
  entry: Omit<EnabledUiEntry, "manifestUrl">;
  tamper?: (file: string, bytes: Buffer) => Buffer;
}): Promise<{ url: string; close(): Promise<void> }> {
  const bundle = await build({
    entryPoints: [join(import.meta.dirname, "harness.tsx")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  const js = bundle.outputFiles[0]?.text ?? "";
  const base = `/_plugins/${opts.entry.pluginId}/${opts.entry.version}/`;
  const entry = { ...opts.entry, manifestUrl: `${base}ui/mf-manifest.json` };
  const csp = contentSecurityPolicy({
    nonce: "unused",
    realtimeUrl: "http://localhost:1",
    dev: false,
  });
  const page = `<!doctype html><html><body><div id="root"></div>
<script type="application/json" id="entry">${JSON.stringify(entry)}</script>
<script src="/harness.js"></script></body></html>`;

  const server: Server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html", "content-security-policy": csp });
      return res.end(page);
    }
    if (path === "/harness.js") {
      res.writeHead(200, { "content-type": "text/javascript" });
      return res.end(js);
    }
    if (path.startsWith(base)) {
      const file = path.slice(base.length);
      try {
        const bytes = await readFile(join(opts.distDir, file));
        const type = file.endsWith(".json") ? "application/json" : "text/javascript";
        res.writeHead(200, { "content-type": type });
        return res.end(opts.tamper ? opts.tamper(file, bytes) : bytes);
      } catch {
        // fall through to 404
      }
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    // The browser keeps sockets open (keep-alive, speculative preconnects, a request it gave
    // up on): `close()` alone waits for them, which once hung a loaded CI run for a minute.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
