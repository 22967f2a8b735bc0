import { defineConfig } from "vite";

/**
 * The player is served by the web app at /screen/ on the tenant's own host, so the service
 * worker (scope /screen/) and the device API share one origin. `sw.js` keeps a fixed name:
 * a service worker's URL is its identity.
 */
export default defineConfig({
  base: "/screen/",
  build: {
    target: "es2022",
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      input: { index: "index.html", sw: "src/sw.ts" },
      output: {
        entryFileNames: (chunk) => (chunk.name === "sw" ? "sw.js" : "assets/[name]-[hash].js"),
      },
    },
  },
});
